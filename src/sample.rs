//! The bundled sample project: a brief for a Prime Minister's visit to Kazakhstan,
//! written for Briefwright, with three short source articles (English, Malay, Kazakh).

use crate::import::import_text;
use crate::model::{
    BlockKind, Figure, FigureWidth, PictureKey, Project, SectionKind, SectionRef, SourceId,
};
use crate::template::Template;

const ARTICLES: [(&str, &str, bool); 3] = [
    (
        "steppe-and-monsoon.md",
        include_str!("../assets/sample/steppe-and-monsoon.md"),
        true,
    ),
    (
        "perdagangan-dua-hala.txt",
        include_str!("../assets/sample/perdagangan-dua-hala.txt"),
        false,
    ),
    (
        "sapar-kun-tartibi.txt",
        include_str!("../assets/sample/sapar-kun-tartibi.txt"),
        false,
    ),
];

const KEY_ISSUES: [&str; 5] = [
    "**Flood resilience.** Kazakhstan’s recent spring floods make forecasting, retention and early warning the most credible area for early, visible cooperation. Malaysia’s monsoon experience is directly relevant.",
    "**Trade and logistics.** Two-way trade is modest. Halal food, farm technology and renewable energy are the sectors both sides name; freight costs via the Caspian remain the main obstacle.",
    "**Shared civic values.** Both governments present themselves as multi-ethnic, multi-faith societies with one civic identity. This supports cooperation on countering extremism and on education exchanges.",
    "**Think-tank channel.** A memorandum between the two strategic-studies institutes is expected during the visit. It offers a low-cost channel for policy dialogue that officials can build on.",
    "**Delivery.** Commentators on both sides will judge the visit by whether agreements carry named owners and dates. We should avoid announcing anything that lacks either.",
];

pub(crate) const TALKING_POINTS: [(&str, &[&str]); 6] = [
    (
        "Malaysia sees Kazakhstan as a key partner in Central Asia and wants this visit to open a more practical phase of cooperation.",
        &["opening", "bilateral"],
    ),
    (
        "We offer to share Malaysia’s experience of flood forecasting and early warning, and propose a joint technical working group this year.",
        &["water", "offer"],
    ),
    (
        "We see room to grow trade in halal food, agricultural technology and renewable energy, and will ask our agencies to report back within six months.",
        &["trade"],
    ),
    (
        "We welcome Kazakhstan’s reforms and its stand against extremism; our two societies show that diversity and unity go together.",
        &["values"],
    ),
    (
        "We welcome the memorandum between our strategic-studies institutes as a channel for steady dialogue.",
        &["think-tanks"],
    ),
    (
        "Рақмет — thank you for the warm welcome to Astana.",
        &["closing", "kazakh"],
    ),
];

/// Imports the three sample articles into `project`.
pub(crate) fn add_sources(project: &mut Project) -> Vec<SourceId> {
    ARTICLES
        .iter()
        .filter_map(|(name, text, is_markdown)| {
            let mut source = import_text(text, *is_markdown)?;
            source.file_name = (*name).to_owned();
            Some(project.add_source(source))
        })
        .collect()
}

/// The `nth` body paragraph of `source`, as an excerpt at the end of part `part`.
pub(crate) fn push_excerpt(
    project: &mut Project,
    part: usize,
    source: Option<&SourceId>,
    nth: usize,
) {
    let Some(source) = source.and_then(|id| project.source(*id)) else {
        return;
    };
    let Some(section) = source
        .sections
        .iter()
        .filter(|s| s.kind == SectionKind::Paragraph)
        .nth(nth)
    else {
        return;
    };
    let from = SectionRef {
        source: source.id,
        section: section.id,
    };
    project.push_block(part, BlockKind::Excerpt { from, edited: None });
}

/// The position of the part with `key`, or the first part.
pub(crate) fn part_index(project: &Project, key: &str) -> usize {
    project
        .brief
        .parts
        .iter()
        .position(|p| p.key == key)
        .unwrap_or(0)
}

/// The map of the visit's route, drawn for the sample as SVG, so that a newcomer sees a
/// figure with its alternative text and caption.
const ROUTE_MAP: &[u8] = include_bytes!("../assets/sample/visit-route.svg");

fn add_route_map(project: &mut Project, part: usize) {
    let Ok(picture) = crate::picture::prepare(ROUTE_MAP, "visit-route.svg") else {
        return;
    };
    let key = PictureKey::of(&picture.bytes);
    project.pictures.insert(key.clone(), picture);
    let mut figure = Figure::new(key);
    figure.alt = "Schematic map of the route: the Prime Minister flies north-west from Kuala Lumpur across South Asia to Astana, in northern Kazakhstan.".into();
    figure.caption = "The Prime Minister’s route to Astana".into();
    figure.credit = "Map: Central Asia Division (schematic)".into();
    figure.width = FigureWidth::Half;
    project.push_block(part, BlockKind::Picture(figure));
}

/// Builds the sample project.
pub fn project() -> Project {
    let template = Template::built_in("briefing-note").ok();
    let part_titles = template
        .as_ref()
        .map(Template::part_titles)
        .unwrap_or_default();
    let mut project = Project::new("briefing-note", &part_titles);
    let meta = &mut project.brief.meta;
    meta.title = "Visit of the Prime Minister to Kazakhstan".into();
    meta.to = "The Prime Minister".into();
    meta.from = "Director, Central Asia Division, Ministry of Foreign Affairs".into();
    meta.date = "9 March 2026".into();
    meta.reference = "MFA/CA/KZ/2026/031".into();
    meta.classification = "OFFICIAL: Sensitive".into();
    meta.purpose = "To brief the Prime Minister for the official visit to Astana on 16–18 March 2026, summarise how the visit is being framed in the English, Malay and Kazakh press, and propose talking points and a line for the bilateral meeting.".into();
    meta.author = "Central Asia Division".into();
    meta.keywords = vec!["Kazakhstan".into(), "visit".into(), "briefing".into()];
    meta.created = "2026-03-09T08:30:00Z".into();

    let sources = add_sources(&mut project);

    let background = part_index(&project, "background");
    project.push_block(
        background,
        BlockKind::Paragraph {
            text: "Commentary ahead of the visit is positive and practical. An English-language policy review, a Malay business report and a Kazakh news analysis all expect announcements on water and trade. The passages most relevant to the Prime Minister’s programme are:".into(),
        },
    );
    // The water, trade and values paragraphs of the English review, and the Kazakh view on floods.
    for (source_index, section_index) in [(0usize, 1usize), (0, 2), (2, 1)] {
        push_excerpt(
            &mut project,
            background,
            sources.get(source_index),
            section_index,
        );
    }
    project.push_block(
        background,
        BlockKind::Paragraph {
            text: "Malay coverage stresses halal food, farm technology and renewable energy, and notes that freight costs remain the main obstacle to growth.".into(),
        },
    );

    add_route_map(&mut project, background);

    let issues = part_index(&project, "key_issues");
    for text in KEY_ISSUES {
        project.push_block(issues, BlockKind::Paragraph { text: text.into() });
    }

    let points = part_index(&project, "talking_points");
    for (text, tags) in TALKING_POINTS {
        let id =
            project.add_talking_point(text, tags.iter().map(|t| (*t).to_owned()).collect(), None);
        project.push_block(points, BlockKind::TalkingPoint { point: id });
    }
    project.add_talking_point(
        "If asked about freight costs: we are studying the Caspian route with our partners and will say more once the numbers are clear.",
        vec!["reactive".into(), "trade".into()],
        None,
    );

    let recommendation = part_index(&project, "recommendation");
    project.push_block(
        recommendation,
        BlockKind::Paragraph {
            text: "It is recommended that the Prime Minister (a) note the press framing of the visit above; (b) use the talking points in the bilateral meeting; and (c) agree that officials announce a flood-resilience working group, with named leads and a first meeting date, in the joint statement.".into(),
        },
    );
    project
}

/// A long brief for benchmarks and tests: the sample plus `extra_paragraphs` varied key
/// issues, excerpts, bullet lists and talking points. About 11 extra items fill a page.
pub fn long_project(extra_paragraphs: usize) -> Project {
    const WORDS: [&str; 24] = [
        "water",
        "trade",
        "logistics",
        "education",
        "energy",
        "agriculture",
        "forecasting",
        "Caspian",
        "investment",
        "security",
        "dialogue",
        "Қазақстан",
        "cooperation",
        "ministers",
        "officials",
        "memorandum",
        "capacity",
        "infrastructure",
        "grain",
        "halal",
        "reform",
        "resilience",
        "exchange",
        "partnership",
    ];
    let mut project = project();
    let (background, issues, points) = (
        part_index(&project, "background"),
        part_index(&project, "key_issues"),
        part_index(&project, "talking_points"),
    );
    let sections: Vec<SectionRef> = project
        .sources
        .iter()
        .flat_map(|s| {
            s.body_sections().map(move |section| SectionRef {
                source: s.id,
                section: section.id,
            })
        })
        .collect();
    for i in 0..extra_paragraphs {
        let sentence = |n: usize| {
            let words: Vec<&str> = (0..9 + n % 7)
                .map(|k| WORDS[(i * 7 + n * 3 + k * 5) % WORDS.len()])
                .collect();
            let mut sentence = words.join(" ");
            if let Some(first) = sentence.get_mut(0..1) {
                first.make_ascii_uppercase();
            }
            sentence + "."
        };
        let text: Vec<String> = (0..2 + i % 5).map(sentence).collect();
        match i % 6 {
            0..=2 => {
                project.push_block(
                    issues,
                    BlockKind::Paragraph {
                        text: format!("**Issue {}.** {}", i + 1, text.join(" ")),
                    },
                );
            }
            3 => {
                if let Some(from) = sections.get(i % sections.len().max(1)) {
                    project.push_block(
                        background,
                        BlockKind::Excerpt {
                            from: *from,
                            edited: None,
                        },
                    );
                }
            }
            4 => {
                project.push_block(background, BlockKind::Bullets { items: text });
            }
            _ => {
                let id = project.add_talking_point(&text.join(" "), vec!["generated".into()], None);
                project.push_block(points, BlockKind::TalkingPoint { point: id });
            }
        }
    }
    project
}
