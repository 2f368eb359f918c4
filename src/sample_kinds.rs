//! A sample of each kind of brief, for `briefwright sample --template NAME`: the same
//! Kazakhstan visit, written for Briefwright, as a decision brief, an information brief,
//! a visit brief and a meeting brief, so that each kind can be seen at once.

use crate::model::{Attachment, BlockKind, Clearance, Contact, Project, Responses, SourceId};
use crate::sample::{TALKING_POINTS, add_sources, part_index, push_excerpt};
use crate::template::{Template, TemplateError};

/// The sample brief of the kind `template` names.
pub fn sample_for(template: &str) -> Result<Project, TemplateError> {
    match template {
        "briefing-note" => return Ok(crate::sample::project()),
        "talking-points-card" => {
            let mut project = crate::sample::project();
            let card = Template::built_in(template)?;
            project
                .apply(card.select_edit(None))
                .map_err(|error| TemplateError::Invalid {
                    name: template.to_owned(),
                    message: error.to_string(),
                })?;
            return Ok(project);
        }
        _ => {}
    }
    let built = Template::built_in(template)?;
    let mut project = Project::new(template, &built.part_titles());
    let sources = common(&mut project);
    match template {
        "decision-brief" => decision(&mut project, &sources),
        "information-brief" => information(&mut project, &sources),
        "visit-brief" => visit(&mut project, &sources),
        _ => meeting(&mut project, &sources),
    }
    Ok(project)
}

/// Title block, sources and talking points every kind shares.
fn common(project: &mut Project) -> Vec<SourceId> {
    let meta = &mut project.brief.meta;
    meta.to = "Minister for Foreign Affairs".into();
    meta.from = "Director, Central Asia Division".into();
    meta.date = "9 March 2026".into();
    meta.reference = "MFA/CA/KZ/2026/034".into();
    meta.classification = "OFFICIAL: Sensitive".into();
    meta.author = "Central Asia Division".into();
    meta.created = "2026-03-09T08:30:00Z".into();
    meta.contact = Contact {
        name: "Aisha Rahman".into(),
        position: "Desk Officer, Kazakhstan".into(),
        phone: "+60 3 8887 4021".into(),
    };
    let sources = add_sources(project);
    let points = part_index(project, "talking_points");
    for (text, tags) in TALKING_POINTS.iter().take(4) {
        let id =
            project.add_talking_point(text, tags.iter().map(|t| (*t).to_owned()).collect(), None);
        if project.brief.parts[points].key == "talking_points" {
            project.push_block(points, BlockKind::TalkingPoint { point: id });
        }
    }
    sources
}

fn paragraphs(project: &mut Project, key: &str, texts: &[&str]) {
    let part = part_index(project, key);
    for text in texts {
        project.push_block(
            part,
            BlockKind::Paragraph {
                text: (*text).into(),
            },
        );
    }
}

/// The `nth` paragraph of a source, as an excerpt at the end of the part `key`.
fn excerpt(project: &mut Project, key: &str, source: Option<&SourceId>, nth: usize) {
    let part = part_index(project, key);
    push_excerpt(project, part, source, nth);
}

fn table(project: &mut Project, key: &str, rows: &[&[&str]]) {
    let part = part_index(project, key);
    let rows = rows
        .iter()
        .map(|row| row.iter().map(|c| (*c).to_owned()).collect())
        .collect();
    project.push_block(part, BlockKind::Table { rows });
}

fn decision(project: &mut Project, sources: &[SourceId]) {
    let meta = &mut project.brief.meta;
    meta.title = "Flood-resilience working group with Kazakhstan".into();
    meta.to_for = "For action".into();
    meta.also_to = vec![crate::model::Addressee {
        name: "Minister for Natural Resources".into(),
        action: "For information".into(),
    }];
    meta.through = "Secretary-General".into();
    meta.copies_to = "Deputy Secretary-General (Bilateral); Director, Water Diplomacy Unit".into();
    meta.critical_date = "13 March 2026".into();
    meta.critical_reason =
        "so that the group can be named in the joint statement on 17 March".into();
    meta.purpose = "To seek your agreement to propose a joint flood-resilience working group during the Prime Minister’s visit to Astana, and to note the handling of the announcement.".into();
    meta.clearance = vec![
        Clearance {
            name: "Farid Hassan".into(),
            position: "Under-Secretary".into(),
            division: "Asia and Central Asia".into(),
            phone: "+60 3 8887 4000".into(),
            date: "9 March 2026".into(),
            cleared: None,
        },
        Clearance {
            name: "Lim Wei Ling".into(),
            position: "Legal Adviser".into(),
            division: "Legal Division".into(),
            phone: "+60 3 8887 4310".into(),
            date: "9 March 2026".into(),
            cleared: None,
        },
    ];
    meta.attachments = vec![
        Attachment {
            title: "Draft text for the joint statement".into(),
            source: None,
        },
        Attachment {
            title: "Steppe and Monsoon (policy review, March 2026)".into(),
            source: sources.first().copied(),
        },
    ];
    paragraphs(
        project,
        "key_points",
        &[
            "Kazakhstan has asked for practical help after two years of severe spring floods; forecasting and early warning are where Malaysia’s experience is strongest.",
            "A working group led by the two water agencies, with a first meeting within six months, is a modest commitment that can be announced during the visit.",
            "Funding comes from existing technical-cooperation budgets; no new money is sought.",
        ],
    );
    let recommendations = part_index(project, "recommendation");
    for (text, responses) in [
        (
            "That you **agree** to propose a joint flood-resilience working group, led by the two national water agencies, during the Prime Minister’s visit.",
            Responses::AgreedNotAgreed,
        ),
        (
            "That you **agree** that the working group be named in the joint statement, with a first meeting before the end of September 2026.",
            Responses::AgreedNotAgreed,
        ),
        (
            "That you **note** that the costs of the first year fall within the existing technical-cooperation budget.",
            Responses::NotedPleaseDiscuss,
        ),
    ] {
        project.push_block(
            recommendations,
            BlockKind::Recommendation {
                text: text.into(),
                responses,
            },
        );
    }
    paragraphs(
        project,
        "background",
        &[
            "Press commentary on both sides expects the visit to produce something concrete on water. The English-language review puts it this way:",
        ],
    );
    excerpt(project, "background", sources.first(), 1);
    paragraphs(
        project,
        "consultation",
        &[
            "The Department of Irrigation and Drainage supports the proposal and has named a lead. The Ministry of Finance has confirmed that the first year can be met from existing budgets.",
        ],
    );
}

fn information(project: &mut Project, sources: &[SourceId]) {
    let meta = &mut project.brief.meta;
    meta.title = "How the press is framing the Kazakhstan visit".into();
    meta.to_for = "For information".into();
    meta.purpose = "To inform you of how English, Malay and Kazakh media are framing the Prime Minister’s visit to Astana on 16–18 March 2026.".into();
    meta.attachments = vec![Attachment {
        title: "Media summary, 2–8 March 2026".into(),
        source: None,
    }];
    paragraphs(
        project,
        "key_points",
        &[
            "Coverage is positive and practical; all three language groups expect announcements on water and trade.",
            "Malay business media focus on halal food and freight costs through the Caspian.",
            "Kazakh coverage stresses flood forecasting after recent spring floods.",
        ],
    );
    paragraphs(
        project,
        "background",
        &["The most relevant passages are quoted below."],
    );
    excerpt(project, "background", sources.first(), 1);
    excerpt(project, "background", sources.get(2), 1);
}

/// A programme line: time, event, place and our attendees.
type Event = (&'static str, &'static str, &'static str, &'static str);

fn visit(project: &mut Project, sources: &[SourceId]) {
    let meta = &mut project.brief.meta;
    meta.title = "Prime Minister’s visit to Astana, 16–18 March 2026".into();
    meta.purpose = "The Prime Minister’s first official visit to Kazakhstan, to open a practical phase of cooperation on water, trade and education.".into();
    // Venues of the programme that no dictionary or source names, accepted as an
    // officer would accept them with "Ignore in this brief".
    project.brief.ignored_words = ["Akorda", "Kazhydromet", "Nazarbayev"]
        .map(str::to_owned)
        .to_vec();
    let mut programme: Vec<Vec<&str>> = vec![vec!["Time", "Event", "Place", "Our attendees"]];
    let days: [(&str, &[Event]); 3] = [
        (
            "Monday 16 March",
            &[
                (
                    "14:30",
                    "Arrival; welcome by the Deputy Prime Minister",
                    "Astana International Airport",
                    "PM, Minister, Ambassador",
                ),
                (
                    "16:00",
                    "Briefing by the Ambassador",
                    "Hotel",
                    "PM, Minister, delegation",
                ),
                (
                    "18:00",
                    "Meeting with the Malaysian community",
                    "Embassy residence",
                    "PM, Ambassador",
                ),
                ("19:30", "Private dinner", "Hotel", "PM"),
            ],
        ),
        (
            "Tuesday 17 March",
            &[
                (
                    "09:00",
                    "Official welcome ceremony",
                    "Akorda Presidential Palace",
                    "PM, Minister",
                ),
                (
                    "09:30",
                    "Restricted meeting with the President",
                    "Akorda",
                    "PM",
                ),
                (
                    "10:30",
                    "Delegation-level talks",
                    "Akorda",
                    "PM, Minister, Secretary-General",
                ),
                (
                    "11:45",
                    "Signing of agreements; joint statement to the press",
                    "Akorda",
                    "PM, Minister",
                ),
                (
                    "13:00",
                    "Official lunch hosted by the President",
                    "Akorda",
                    "Full delegation",
                ),
                (
                    "15:30",
                    "Business forum: halal food, farm technology, renewable energy",
                    "Astana International Financial Centre",
                    "PM, trade delegation",
                ),
                (
                    "17:00",
                    "Visit to the flood-forecasting centre",
                    "Kazhydromet",
                    "PM, Minister, water agency",
                ),
                (
                    "19:00",
                    "Wreath-laying at the Defenders of the Fatherland monument",
                    "Astana",
                    "PM, Ambassador",
                ),
            ],
        ),
        (
            "Wednesday 18 March",
            &[
                (
                    "09:00",
                    "Meeting with the Prime Minister of Kazakhstan",
                    "Government House",
                    "PM, Minister",
                ),
                (
                    "10:30",
                    "Lecture at Nazarbayev University",
                    "Nazarbayev University",
                    "PM, Education attaché",
                ),
                (
                    "12:00",
                    "Meeting with think-tank leaders",
                    "Embassy",
                    "PM, Ambassador",
                ),
                (
                    "13:30",
                    "Interview with Kazakh television",
                    "Hotel",
                    "PM, press secretary",
                ),
                (
                    "15:00",
                    "Departure",
                    "Astana International Airport",
                    "Full delegation",
                ),
            ],
        ),
    ];
    for (day, events) in &days {
        programme.push(vec![day, "", "", ""]);
        for (time, event, place, attendees) in events.iter() {
            programme.push(vec![time, event, place, attendees]);
        }
    }
    let rows: Vec<&[&str]> = programme.iter().map(Vec::as_slice).collect();
    table(project, "programme", &rows);
    table(
        project,
        "key_people",
        &[
            &["Name", "Position", "Note"],
            &[
                "The President",
                "President of the Republic of Kazakhstan",
                "Hosts the talks; keen on water cooperation after the floods",
            ],
            &[
                "The Prime Minister",
                "Prime Minister of Kazakhstan",
                "Leads on trade; met our PM in 2025",
            ],
            &[
                "The Minister of Water Resources",
                "Minister of Water Resources and Irrigation",
                "Will co-chair the working group if agreed",
            ],
            &[
                "The Ambassador",
                "Ambassador of Kazakhstan to Malaysia",
                "Accompanies the visit throughout",
            ],
        ],
    );
    paragraphs(
        project,
        "key_messages",
        &[
            "Malaysia sees Kazakhstan as a key partner in Central Asia.",
            "We offer our flood-forecasting experience, through a joint working group.",
            "We want trade in halal food, farm technology and renewable energy to grow, with an agency report in six months.",
        ],
    );
    excerpt(project, "background", sources.first(), 1);
}

fn meeting(project: &mut Project, sources: &[SourceId]) {
    let meta = &mut project.brief.meta;
    meta.title = "Meeting with the Prime Minister of Kazakhstan".into();
    meta.purpose = "Secure agreement to a flood-resilience working group with named leads.".into();
    table(
        project,
        "meeting_details",
        &[
            &["Date", "Time", "Place", "Attendees"],
            &[
                "Wednesday 18 March 2026",
                "09:00–10:00",
                "Government House, Astana",
                "Both Prime Ministers; foreign and water ministers; note-takers",
            ],
        ],
    );
    paragraphs(
        project,
        "objectives",
        &[
            "Agree on a date for the first meeting of the working group.",
            "Hear Kazakhstan’s view of freight costs through the Caspian.",
        ],
    );
    paragraphs(
        project,
        "key_messages",
        &[
            "We are ready to share what works in monsoon flood forecasting.",
            "Agreements should have named owners and dates.",
        ],
    );
    excerpt(project, "background", sources.first(), 2);
    paragraphs(
        project,
        "handling",
        &[
            "**Sensitivities.** Avoid comparisons between the two countries’ flood losses; the spring floods remain a painful subject.",
            "**If asked about freight costs:** we are studying the Caspian route with our partners and will say more once the numbers are clear.",
            "**If asked about visas:** the e-visa arrangements announced last year are working well; we are open to reviewing them.",
        ],
    );
}
