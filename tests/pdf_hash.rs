//! The sample's PDF, pinned by its SHA-256: any change to the exported bytes, wanted or
//! not, shows up here. Export is deterministic, so the hash is the same on every machine.

use briefwright::export::render;
use sha2::{Digest, Sha256};

/// SHA-256 of the sample project's PDF. When a change to layout, fonts or the PDF writer
/// is meant to change the output, check the new PDF by eye and then replace this value
/// with the one the failing test prints.
const SAMPLE_PDF_SHA256: &str = "b05b1581fde814be8fe95dcfe7a2c7e4b76496d48db52452a954b0252474908f";

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn the_sample_pdf_has_the_pinned_bytes() {
    let pdf = render(
        &briefwright::sample::project(),
        &mut briefwright::layout::Layouter::new(),
    )
    .expect("renders")
    .pdf;
    let actual = hex(&Sha256::digest(&pdf));
    assert!(
        actual == SAMPLE_PDF_SHA256,
        "the sample's PDF bytes changed (SHA-256 {actual}, pinned {SAMPLE_PDF_SHA256}).\n\
         If the change is unintended, find what made it. If it is deliberate, look at the new \
         PDF (`cargo run -- sample -o visit.brief && cargo run -- export visit.brief -o visit.pdf`) \
         and then set SAMPLE_PDF_SHA256 in tests/pdf_hash.rs to {actual}."
    );
}
