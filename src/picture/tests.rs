use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/pictures/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn imagemagick_png_and_jpeg_come_in_unchanged() {
    let png = fixture("chart-imagemagick.png");
    let picture = prepare(&png, "chart.png").unwrap();
    assert_eq!(picture.format, PictureFormat::Png);
    assert_eq!((picture.width_px, picture.height_px), (300, 200));
    assert_eq!(
        &picture.bytes[..],
        &png[..],
        "a small PNG is stored as it came"
    );

    let jpeg = fixture("photo-imagemagick.jpg");
    let picture = prepare(&jpeg, "photo.jpg").unwrap();
    assert_eq!(picture.format, PictureFormat::Jpeg);
    assert_eq!((picture.width_px, picture.height_px), (400, 300));
    assert_eq!(&picture.bytes[..], &jpeg[..]);
}

#[test]
fn a_phone_photo_is_turned_upright_as_its_exif_says() {
    // Pillow wrote a 200 × 100 picture with EXIF orientation 6 (turn 90° clockwise).
    let picture = prepare(&fixture("rotated-exif6-pillow.jpg"), "phone.jpg").unwrap();
    assert_eq!((picture.width_px, picture.height_px), (100, 200));
    let again = prepare(&picture.bytes, "again.jpg").unwrap();
    assert_eq!(
        (again.width_px, again.height_px),
        (100, 200),
        "stored upright, without the orientation that would turn it twice"
    );
}

#[test]
fn a_cmyk_jpeg_is_kept_as_rgb() {
    let picture = prepare(&fixture("cmyk.jpg"), "print.jpg").unwrap();
    assert_eq!(picture.format, PictureFormat::Jpeg);
    assert_eq!(jpeg_components(&picture.bytes), Some(3));
}

#[test]
fn a_photo_larger_than_print_needs_is_scaled_to_300_dpi() {
    let big = image::RgbImage::from_fn(4000, 3000, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 90])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&big)
        .unwrap();
    let picture = prepare(&bytes, "camera.jpg").unwrap();
    assert_eq!(picture.width_px, STORED_WIDTH_PX);
    assert_eq!(picture.height_px, 1595);
    assert!(picture.bytes.len() < bytes.len());
}

#[test]
fn bad_pictures_are_refused_by_name() {
    let refused = |bytes: &[u8], name: &str| prepare(bytes, name).unwrap_err().to_string();

    let bomb = refused(&fixture("bomb-20000px.png"), "bomb.png");
    assert!(
        bomb.contains("bomb.png says it is 20000 × 20000 pixels"),
        "{bomb}"
    );
    let cut = refused(&fixture("truncated.jpg"), "cut.jpg");
    assert!(
        cut.contains("cut.jpg is a damaged or cut-off JPEG file"),
        "{cut}"
    );
    let gif = refused(&fixture("small.gif"), "anim.gif");
    assert!(gif.contains("anim.gif is a GIF picture"), "{gif}");
    let text = refused(b"just words", "notes.png");
    assert!(
        text.contains("notes.png is not a picture it knows"),
        "{text}"
    );
    assert!(refused(b"", "empty.png").contains("empty.png is empty"));
    let svg = refused(b"<svg xmlns='http://www.w3.org/2000/svg'><g>", "cut.svg");
    assert!(
        svg.contains("cut.svg is a damaged or cut-off SVG file"),
        "{svg}"
    );
    let huge = refused(
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="10"/>"#,
        "wide.svg",
    );
    assert!(
        huge.contains("wide.svg says it is 90000 × 10 pixels"),
        "{huge}"
    );
}

#[test]
fn an_svg_draws_with_the_bundled_fonts_and_reads_no_files() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="200" height="100" viewBox="0 0 200 100">
        <rect width="200" height="100" fill="#ffffff"/>
        <rect x="10" y="10" width="80" height="80" fill="#0000ff"/>
        <image x="100" y="0" width="100" height="100" xlink:href="/etc/passwd"/>
        <text x="100" y="60" font-family="sans-serif" font-size="20">Astana</text>
    </svg>"##;
    let picture = prepare(svg, "map.svg").unwrap();
    assert_eq!(picture.format, PictureFormat::Svg);
    assert_eq!((picture.width_px, picture.height_px), (200, 100));
    let drawn = pixels(&picture, 400).unwrap();
    assert_eq!((drawn.width, drawn.height), (400, 200));
    let at = |x: u32, y: u32| {
        let i = ((y * drawn.width + x) * 4) as usize;
        [drawn.rgba[i], drawn.rgba[i + 1], drawn.rgba[i + 2]]
    };
    assert_eq!(at(100, 100), [0, 0, 255], "the blue square");
    let inked = (200..400)
        .flat_map(|x| (60..130).map(move |y| (x, y)))
        .filter(|&(x, y)| at(x, y)[0] < 128)
        .count();
    assert!(inked > 200, "the label is drawn: {inked} dark pixels");
}

#[test]
fn a_stored_picture_that_is_not_what_it_says_is_refused() {
    let mut picture = prepare(&fixture("chart-imagemagick.png"), "chart.png").unwrap();
    assert!(check_stored(&picture, "pictures[0]").is_ok());
    picture.format = PictureFormat::Jpeg;
    let error = check_stored(&picture, "pictures[0]")
        .unwrap_err()
        .to_string();
    assert!(error.contains("its bytes are PNG"), "{error}");
}

#[test]
fn a_stored_svg_is_checked_without_its_fonts_and_refused_when_cut_or_too_big() {
    let map = prepare(
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><text x="10" y="50" font-size="20">Astana</text></svg>"#,
        "map.svg",
    )
    .unwrap();
    assert!(check_stored(&map, "pictures[0]").is_ok());
    let mut cut = map.clone();
    cut.bytes = cut.bytes[..cut.bytes.len() - 12].into();
    let error = check_stored(&cut, "pictures[0]").unwrap_err().to_string();
    assert!(
        error.contains("pictures[0] is a damaged or cut-off SVG file"),
        "{error}"
    );
    let mut huge = map;
    huge.bytes =
        br#"<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="10"/>"#[..].into();
    let error = check_stored(&huge, "pictures[0]").unwrap_err().to_string();
    assert!(error.contains("90000 × 10 pixels"), "{error}");
}
