use briefwright::fonts::Typesetter;
use briefwright::layout::layout;
use briefwright::pdf::{PdfStandard, write_as};
use briefwright::template::Template;
fn main() {
    let template = Template::built_in("briefing-note").expect("t");
    let project = briefwright::sample::long_project(1910);
    let laid = layout(&project, &template, &mut Typesetter::new());
    for s in PdfStandard::ALL {
        let pdf = write_as(&laid, s).expect("pdf");
        std::fs::write(format!("/tmp/tp/long-{}.pdf", s.name()), &pdf).expect("w");
    }
}
