//! Any text in a brief lays out and exports to PDF without a panic.
#![no_main]

use std::cell::RefCell;

use briefwright::fonts::Typesetter;
use briefwright::model::BlockKind;
use libfuzzer_sys::fuzz_target;

thread_local! {
    static TYPESETTER: RefCell<Typesetter> = RefCell::new(Typesetter::new());
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1}');
    let title = parts.next().unwrap_or_default();
    let body = parts.next().unwrap_or_default();
    let bullets = parts.next().unwrap_or_default();
    let mut project = briefwright::sample::project();
    project.brief.meta.title = title.to_owned();
    project.push_block(0, BlockKind::Paragraph { text: body.to_owned() });
    project.push_block(2, BlockKind::Bullets { items: bullets.split('\n').map(str::to_owned).collect() });
    let template = briefwright::template::Template::built_in("briefing-note").expect("template");
    TYPESETTER.with(|t| {
        let laid = briefwright::layout::layout(&project, &template, &mut t.borrow_mut());
        briefwright::pdf::write(&laid, &project.brief.meta).expect("a laid-out brief writes");
    });
});
