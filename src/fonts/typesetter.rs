//! Shaping and line breaking of paragraphs with parley, over the bundled faces only.

use std::collections::HashMap;
use std::sync::Arc;

use parley::fontique::{Blob, Collection, CollectionOptions, GenericFamily, Script, SourceCache};
use parley::{
    Alignment, AlignmentOptions, FontContext, FontFamily, FontStyle, FontWeight, LayoutContext,
    LineHeight, PositionedLayoutItem, StyleProperty,
};

use super::faces::{ARABIC_FAMILY, DEFAULT_FAMILY, FACES, FaceId};
use super::glyph::{Glyph, TextRange};
use crate::layout::FlowCache;
use crate::template::Align;
use crate::units::Pt;

/// A run of paragraph text with its inline styles.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct StyledSpan {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub link: Option<String>,
}

impl StyledSpan {
    /// Plain text with no inline styles.
    pub fn plain(text: impl Into<String>) -> Self {
        StyledSpan {
            text: text.into(),
            bold: false,
            italic: false,
            link: None,
        }
    }
}

/// How a paragraph is set: family, size, leading, base weight and style, alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct ParagraphStyle {
    pub family: String,
    pub size: Pt,
    /// Line height as a multiple of the size.
    pub leading: f32,
    pub bold: bool,
    pub italic: bool,
    pub align: Align,
}

/// A shaped run of glyphs in one face, positioned relative to its line.
#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub face: FaceId,
    pub size: Pt,
    /// Start of the run from the line's left edge.
    pub x: Pt,
    /// Index into [`SetParagraph::links`], if the run is part of a link.
    pub link: Option<usize>,
    pub glyphs: Arc<[Glyph]>,
    /// The paragraph's text, which the glyphs' text ranges point into.
    pub text: Arc<str>,
}

/// One broken line of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct SetLine {
    pub height: Pt,
    /// Distance from the top of the line box to the baseline.
    pub baseline: Pt,
    pub width: Pt,
    pub runs: Vec<TextRun>,
}

/// A paragraph broken into lines, plus what went wrong while setting it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SetParagraph {
    pub lines: Vec<SetLine>,
    pub links: Vec<String>,
    /// Characters that no bundled font can draw.
    pub missing: Vec<char>,
}

/// Which link a span belongs to; parley carries it through shaping as the brush.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct SpanBrush {
    /// 0 for no link, otherwise the link's index + 1.
    link: u16,
}

/// What a set paragraph depends on: its text and styles, its paragraph style and width.
#[derive(Debug, Clone, PartialEq)]
struct CacheKey {
    spans: Vec<StyledSpan>,
    style: ParagraphStyle,
    width: Pt,
}

impl CacheKey {
    fn matches(&self, spans: &[StyledSpan], style: &ParagraphStyle, width: Pt) -> bool {
        self.width.0.to_bits() == width.0.to_bits() && self.style == *style && self.spans == spans
    }
}

/// A hash of everything a set paragraph depends on, computed without copying the text.
fn cache_hash(spans: &[StyledSpan], style: &ParagraphStyle, width: Pt) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    spans.hash(&mut hasher);
    style.family.hash(&mut hasher);
    (
        style.size.0.to_bits(),
        style.leading.to_bits(),
        style.bold,
        style.italic,
        style.align,
    )
        .hash(&mut hasher);
    width.0.to_bits().hash(&mut hasher);
    hasher.finish()
}

/// Owns the font collection, the shaping contexts and the layout caches. Create one per
/// thread and reuse it: fonts are parsed once, paragraphs already set at the same width
/// come from a cache, and so do blocks whose content did not change.
pub struct Typesetter {
    font_cx: FontContext,
    layout_cx: LayoutContext<SpanBrush>,
    face_by_blob: HashMap<u64, FaceId>,
    /// Set paragraphs by [`cache_hash`]; the key is kept to rule out hash collisions.
    cache: HashMap<u64, (CacheKey, Arc<SetParagraph>)>,
    /// Hashes of entries used since the last [`Typesetter::trim_cache`].
    cache_used: std::collections::HashSet<u64>,
    /// Blocks built by earlier layouts (see `layout::memo`).
    pub(crate) flow_cache: FlowCache,
    /// While [`Typesetter::prefetch`] runs its dry pass: the paragraphs asked for.
    recording: Option<Vec<(u64, CacheKey)>>,
    parallel: bool,
    /// The second thread's typesetter, kept so that its fonts and contexts stay warm.
    helper: Option<Box<Typesetter>>,
    /// Paragraphs shaped so far (see [`Typesetter::paragraphs_shaped`]).
    shaped: usize,
}

impl Default for Typesetter {
    fn default() -> Self {
        Self::new()
    }
}

impl Typesetter {
    /// Registers the bundled faces in a collection with no system fonts, so layout is the
    /// same on every machine.
    pub fn new() -> Self {
        let mut collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let mut face_by_blob = HashMap::new();
        for (index, face) in FACES.iter().enumerate() {
            let blob: Blob<u8> = Blob::new(Arc::new(face.bytes));
            face_by_blob.insert(blob.id(), FaceId(index as u16));
            collection.register_fonts(blob, None);
        }
        if let Some(naskh) = collection.family_id(ARABIC_FAMILY) {
            collection.set_fallbacks(Script::from_bytes(*b"Arab"), std::iter::once(naskh));
        }
        let sans = collection.family_id(DEFAULT_FAMILY);
        collection.set_generic_families(GenericFamily::SansSerif, sans.into_iter());
        let serif = collection.family_id("Noto Serif");
        collection.set_generic_families(GenericFamily::Serif, serif.into_iter());
        Typesetter {
            font_cx: FontContext {
                collection,
                source_cache: SourceCache::default(),
            },
            layout_cx: LayoutContext::new(),
            face_by_blob,
            cache: HashMap::new(),
            cache_used: std::collections::HashSet::new(),
            flow_cache: FlowCache::default(),
            recording: None,
            parallel: true,
            helper: None,
            shaped: 0,
        }
    }

    /// Whether `family` is one of the bundled families.
    pub fn has_family(&mut self, family: &str) -> bool {
        self.font_cx.collection.family_id(family).is_some()
    }

    /// Forgets every set paragraph and built block (the fonts stay loaded).
    pub fn clear_cache(&mut self) {
        self.cache.clear();
        self.cache_used.clear();
        self.flow_cache.clear();
    }

    /// Drops cached paragraphs and blocks that were not used since the last call, so the
    /// caches hold only what the current document needs.
    pub fn trim_cache(&mut self) {
        let used = std::mem::take(&mut self.cache_used);
        self.cache.retain(|hash, _| used.contains(hash));
        self.flow_cache.trim();
    }

    /// Sets, on two threads, every paragraph that `dry_run` asks for, when nothing is
    /// cached yet (opening or exporting a brief) and there is enough to share. `dry_run`
    /// runs with [`Typesetter::set`] only recording requests and returning empty
    /// paragraphs; what it builds is thrown away. The threads take paragraphs one at a
    /// time from a shared counter, so a slower core simply sets fewer. Afterwards every
    /// request is a cache hit holding exactly what setting it alone would give.
    pub fn prefetch(&mut self, dry_run: impl FnOnce(&mut Typesetter)) {
        /// Below this, a thread costs more than it saves.
        const WORTH_A_THREAD: usize = 48;
        if !self.parallel || !self.cache.is_empty() || !self.flow_cache.is_empty() {
            return;
        }
        self.recording = Some(Vec::new());
        dry_run(self);
        let mut requests = self.recording.take().unwrap_or_default();
        let mut seen = std::collections::HashSet::new();
        requests.retain(|(hash, _)| seen.insert(*hash));
        if requests.len() < WORTH_A_THREAD {
            return;
        }
        let next = std::sync::atomic::AtomicUsize::new(0);
        let take = || next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut helper = self
            .helper
            .take()
            .unwrap_or_else(|| Box::new(Typesetter::new()));
        let requests = &requests;
        let helped = std::thread::scope(|scope| {
            let helping = scope.spawn(|| {
                let mut done = Vec::new();
                while let Some((hash, key)) = requests.get(take()) {
                    let set = helper.set_uncached(&key.spans, &key.style, key.width);
                    done.push((*hash, key.clone(), Arc::new(set)));
                }
                done
            });
            while let Some((_, key)) = requests.get(take()) {
                self.set(&key.spans, &key.style, key.width);
            }
            helping.join()
        });
        // Should the helper have failed, its paragraphs are simply set when asked for.
        if let Ok(done) = helped {
            self.shaped += done.len();
            for (hash, key, set) in done {
                self.cache.insert(hash, (key, set));
            }
            self.helper = Some(helper);
        }
    }

    /// Whether [`Typesetter::set`] only records requests for [`Typesetter::prefetch`];
    /// anything built meanwhile must not be kept.
    pub(crate) fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    /// Whether [`Typesetter::prefetch`] may use a second thread (it may by default).
    pub fn set_parallel(&mut self, parallel: bool) {
        self.parallel = parallel;
    }

    /// Like [`Typesetter::set`], but sets the paragraph even during a prefetch's dry pass,
    /// for measurements that decide the width of other paragraphs: the dry pass must ask
    /// for the same paragraphs the real pass will.
    pub(crate) fn set_now(
        &mut self,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> Arc<SetParagraph> {
        let recording = self.recording.take();
        let set = self.set(spans, style, width);
        self.recording = recording;
        set
    }

    /// How many paragraphs this typesetter (with its helper thread) has shaped: cache
    /// misses, for tests and benchmarks.
    pub fn paragraphs_shaped(&self) -> usize {
        self.shaped
    }

    /// Shapes `spans` and breaks them into lines no wider than `width`.
    pub fn set(
        &mut self,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> Arc<SetParagraph> {
        let hash = cache_hash(spans, style, width);
        if let Some((key, hit)) = self.cache.get(&hash)
            && key.matches(spans, style, width)
        {
            let hit = Arc::clone(hit);
            self.cache_used.insert(hash);
            return hit;
        }
        let key = CacheKey {
            spans: spans.to_vec(),
            style: style.clone(),
            width,
        };
        if let Some(recording) = &mut self.recording {
            recording.push((hash, key));
            return Arc::default();
        }
        let set = Arc::new(self.set_uncached(spans, style, width));
        self.shaped += 1;
        self.cache.insert(hash, (key, Arc::clone(&set)));
        self.cache_used.insert(hash);
        set
    }

    fn set_uncached(
        &mut self,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> SetParagraph {
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        let mut result = SetParagraph::default();
        if text.is_empty() {
            return result;
        }
        let family = if self.has_family(&style.family) {
            style.family.as_str()
        } else {
            DEFAULT_FAMILY
        };
        let stack = format!("\"{family}\", \"{ARABIC_FAMILY}\"");
        let mut builder = self
            .layout_cx
            .ranged_builder(&mut self.font_cx, &text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(FontFamily::from(stack.as_str())));
        builder.push_default(StyleProperty::FontSize(style.size.0));
        builder.push_default(StyleProperty::LineHeight(LineHeight::FontSizeRelative(
            style.leading,
        )));
        builder.push_default(StyleProperty::FontWeight(if style.bold {
            FontWeight::BOLD
        } else {
            FontWeight::NORMAL
        }));
        builder.push_default(StyleProperty::FontStyle(if style.italic {
            FontStyle::Italic
        } else {
            FontStyle::Normal
        }));
        let mut start = 0;
        for span in spans {
            let range = start..start + span.text.len();
            start = range.end;
            if span.bold && !style.bold {
                builder.push(StyleProperty::FontWeight(FontWeight::BOLD), range.clone());
            }
            if span.italic {
                // Italic inside an italic paragraph reads as roman, as typographers expect.
                let slant = if style.italic {
                    FontStyle::Normal
                } else {
                    FontStyle::Italic
                };
                builder.push(StyleProperty::FontStyle(slant), range.clone());
            }
            if let Some(url) = &span.link {
                result.links.push(url.clone());
                let link = u16::try_from(result.links.len()).unwrap_or(u16::MAX);
                builder.push(StyleProperty::Brush(SpanBrush { link }), range);
            }
        }
        let mut layout = builder.build(&text);
        layout.break_all_lines(Some(width.0));
        let alignment = match style.align {
            Align::Start => Alignment::Start,
            Align::Center => Alignment::Center,
            Align::End => Alignment::End,
            Align::Justify => Alignment::Justify,
        };
        layout.align(alignment, AlignmentOptions::default());

        let shared_text: Arc<str> = Arc::from(text.as_str());
        let mut texts = RunTexts::default();
        for line in layout.lines() {
            let metrics = line.metrics();
            let mut set_line = SetLine {
                height: Pt(metrics.line_height),
                baseline: Pt(metrics.baseline - metrics.block_min_coord),
                width: Pt(metrics.advance),
                runs: Vec::new(),
            };
            let mut current_run: Option<usize> = None;
            let mut next_text = 0;
            for item in line.items() {
                let PositionedLayoutItem::GlyphRun(glyph_run) = item else {
                    continue;
                };
                let run = glyph_run.run();
                if current_run != Some(run.index()) {
                    current_run = Some(run.index());
                    texts.fill(run);
                    next_text = 0;
                }
                let face = self
                    .face_by_blob
                    .get(&run.font().data.id())
                    .copied()
                    .unwrap_or(FaceId(0));
                let run_x = Pt(glyph_run.offset());
                let link = match glyph_run.style().brush.link {
                    0 => None,
                    n => Some(usize::from(n) - 1),
                };
                let mut glyphs = Vec::with_capacity(texts.ranges.len().saturating_sub(next_text));
                for glyph in glyph_run.positioned_glyphs() {
                    let range = texts.ranges.get(next_text).copied().unwrap_or_default();
                    next_text += 1;
                    if glyph.id == 0 {
                        result.missing.extend(
                            range
                                .of(&text)
                                .chars()
                                .filter(|c| !c.is_whitespace() && !c.is_control()),
                        );
                    }
                    glyphs.push(Glyph {
                        id: u16::try_from(glyph.id).unwrap_or(0),
                        x: Pt(glyph.x) - run_x,
                        advance: Pt(glyph.advance),
                        text: range,
                    });
                }
                if glyphs.is_empty() {
                    continue;
                }
                set_line.runs.push(TextRun {
                    face,
                    size: Pt(run.font_size()),
                    x: run_x,
                    link,
                    glyphs: glyphs.into(),
                    text: Arc::clone(&shared_text),
                });
            }
            result.lines.push(set_line);
        }
        result.missing.dedup();
        result
    }
}

/// The text each glyph of a run stands for, in visual order. A cluster's text goes to its
/// first glyph; ligatures carry the text of every character they join. The buffers are
/// reused from run to run.
#[derive(Default)]
struct RunTexts {
    /// Per cluster: how many glyphs it has and the text it covers.
    clusters: Vec<(usize, TextRange)>,
    ranges: Vec<TextRange>,
}

impl RunTexts {
    fn fill(&mut self, run: &parley::Run<'_, SpanBrush>) {
        self.clusters.clear();
        self.ranges.clear();
        for cluster in run.clusters() {
            let range = cluster.text_range();
            if cluster.is_ligature_continuation()
                && let Some((_, last)) = self.clusters.last_mut()
            {
                last.end = last.end.max(TextRange::new(range).end);
                continue;
            }
            self.clusters
                .push((cluster.glyphs().count(), TextRange::new(range)));
        }
        if run.is_rtl() {
            self.clusters.reverse();
        }
        for &(glyph_count, range) in &self.clusters {
            for i in 0..glyph_count {
                self.ranges
                    .push(if i == 0 { range } else { TextRange::default() });
            }
        }
    }
}
