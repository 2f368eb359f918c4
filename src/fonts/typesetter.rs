//! Shaping and line breaking of paragraphs with parley, over the bundled faces only.
//!
//! Lines break where the language allows and, failing that, anywhere (CSS
//! `overflow-wrap: anywhere`), so a long URL or a sentence of Chinese without spaces never
//! runs past the margin.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use parley::fontique::{Blob, Collection, CollectionOptions, GenericFamily, SourceCache};
use parley::{
    Alignment, AlignmentOptions, FontContext, FontFamily, FontStyle, FontWeight, LayoutContext,
    LineHeight, OverflowWrap, PositionedLayoutItem, StyleProperty,
};

use super::Align;
use super::faces::{BODY_FAMILIES, DEFAULT_FAMILY, FACES, FaceId, find_face};
use super::fallback::symbol_runs;
use super::glyph::{Glyph, TextRange};
use super::paragraph::{
    ParagraphRequest, ParagraphStyle, SetLine, SetParagraph, StyledSpan, TextRun, request_hash,
};
use crate::change_mark::{self, Change};
use crate::units::Pt;

/// Which link a span belongs to and its review mark; parley carries them through shaping
/// as the brush.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
struct SpanBrush {
    /// 0 for no link, otherwise the link's index + 1.
    link: u16,
    change: Option<Change>,
}

/// `spans` with their review marks taken out of the text, each piece with its mark.
fn unmarked(spans: &[StyledSpan]) -> (Vec<StyledSpan>, Vec<Option<Change>>) {
    let mut pieces = Vec::with_capacity(spans.len() + 4);
    let mut changes = Vec::with_capacity(spans.len() + 4);
    for span in spans {
        for (range, change) in change_mark::split(&span.text) {
            pieces.push(StyledSpan {
                text: span.text[range].to_owned(),
                ..span.clone()
            });
            changes.push(change);
        }
    }
    (pieces, changes)
}

/// Owns the font collection, the shaping contexts and a cache of set paragraphs. Create
/// one per thread and reuse it: fonts are parsed once, and paragraphs already set at the
/// same width come from the cache.
pub struct Typesetter {
    font_cx: FontContext,
    layout_cx: LayoutContext<SpanBrush>,
    face_by_blob: HashMap<u64, FaceId>,
    /// Which faces are in the collection, by [`FaceId`].
    registered: Vec<bool>,
    /// Set paragraphs by [`request_hash`]; the request is kept to rule out hash collisions.
    cache: HashMap<u64, (ParagraphRequest, Arc<SetParagraph>)>,
    /// Hashes of entries used since the last [`Typesetter::trim_cache`].
    cache_used: HashSet<u64>,
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
    /// Registers the bundled body faces in a collection with no system fonts, so layout is
    /// the same on every machine. Fallback families are registered when a paragraph first
    /// needs them.
    pub fn new() -> Self {
        let collection = Collection::new(CollectionOptions {
            shared: false,
            system_fonts: false,
        });
        let mut typesetter = Typesetter {
            font_cx: FontContext {
                collection,
                source_cache: SourceCache::default(),
            },
            layout_cx: LayoutContext::new(),
            face_by_blob: HashMap::new(),
            registered: vec![false; FACES.len()],
            cache: HashMap::new(),
            cache_used: HashSet::new(),
            parallel: true,
            helper: None,
            shaped: 0,
        };
        for family in BODY_FAMILIES {
            typesetter.register_family(family);
        }
        let collection = &mut typesetter.font_cx.collection;
        let sans = collection.family_id(DEFAULT_FAMILY);
        collection.set_generic_families(GenericFamily::SansSerif, sans.into_iter());
        let serif = collection.family_id("Noto Serif");
        collection.set_generic_families(GenericFamily::Serif, serif.into_iter());
        typesetter
    }

    /// Adds every face of the bundled `family` to the collection, once.
    fn register_family(&mut self, family: &str) {
        for face in FaceId::all() {
            let index = usize::from(face.0);
            if self.registered[index] || !face.face().family.eq_ignore_ascii_case(family) {
                continue;
            }
            let blob: Blob<u8> = Blob::new(Arc::new(face.face().bytes));
            self.face_by_blob.insert(blob.id(), face);
            self.font_cx.collection.register_fonts(blob, None);
            self.registered[index] = true;
        }
    }

    /// Whether `family` is one of the bundled families.
    pub fn has_family(&self, family: &str) -> bool {
        find_face(family, false, false).is_some()
    }

    /// How many faces are loaded so far: the body faces, and the fallbacks some paragraph
    /// needed.
    pub fn faces_loaded(&self) -> usize {
        self.registered.iter().filter(|r| **r).count()
    }

    /// Forgets every set paragraph (the fonts stay loaded).
    pub fn clear_cache(&mut self) {
        self.cache.clear();
        self.cache_used.clear();
    }

    /// Drops set paragraphs that were not used since the last call, so the cache holds
    /// only what the current document needs.
    pub fn trim_cache(&mut self) {
        let used = std::mem::take(&mut self.cache_used);
        self.cache.retain(|hash, _| used.contains(hash));
    }

    /// Sets `requests` on two threads ahead of a layout that will ask for them, so that
    /// the layout finds them in the cache. Requests already cached are skipped and
    /// repeated ones set once; when too few are left to share, none are set and the layout
    /// sets them as it goes. The threads take paragraphs one at a time from a shared
    /// counter, so a slower core simply sets fewer. A prefetched paragraph is exactly what
    /// setting it alone gives, and one the layout does not ask for goes at the next
    /// [`Typesetter::trim_cache`].
    pub fn prefetch(&mut self, requests: Vec<ParagraphRequest>) {
        /// Below this, a thread costs more than it saves.
        const WORTH_A_THREAD: usize = 48;
        if !self.parallel {
            return;
        }
        let mut seen = HashSet::new();
        let requests: Vec<(u64, ParagraphRequest)> = requests
            .into_iter()
            .map(|r| (request_hash(&r.spans, &r.style, r.width), r))
            .filter(|(hash, r)| {
                self.cached(*hash, &r.spans, &r.style, r.width).is_none() && seen.insert(*hash)
            })
            .collect();
        if requests.len() < WORTH_A_THREAD {
            return;
        }
        let next = AtomicUsize::new(0);
        let mut helper = self
            .helper
            .take()
            .unwrap_or_else(|| Box::new(Typesetter::new()));
        let (mine, helped) = std::thread::scope(|scope| {
            let helping = scope.spawn(|| helper.set_share(&requests, &next));
            let mine = self.set_share(&requests, &next);
            (mine, helping.join())
        });
        // Should the helper have failed, its paragraphs are simply set when asked for.
        let helped = match helped {
            Ok(helped) => {
                self.helper = Some(helper);
                helped
            }
            Err(_) => Vec::new(),
        };
        let mut sets: Vec<Option<SetParagraph>> = requests.iter().map(|_| None).collect();
        for (index, set) in mine.into_iter().chain(helped) {
            if let Some(slot) = sets.get_mut(index) {
                *slot = Some(set);
            }
        }
        self.cache.reserve(requests.len());
        for ((hash, request), set) in requests.into_iter().zip(sets) {
            if let Some(set) = set {
                self.shaped += 1;
                self.cache.insert(hash, (request, Arc::new(set)));
            }
        }
    }

    /// Sets requests from `requests`, taking the next index from `next` until none are
    /// left; returns each set paragraph with its index.
    fn set_share(
        &mut self,
        requests: &[(u64, ParagraphRequest)],
        next: &AtomicUsize,
    ) -> Vec<(usize, SetParagraph)> {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some((_, request)) = requests.get(index) else {
                return done;
            };
            done.push((
                index,
                self.set_uncached(&request.spans, &request.style, request.width),
            ));
        }
    }

    /// Whether [`Typesetter::prefetch`] may use a second thread (it may by default).
    pub fn set_parallel(&mut self, parallel: bool) {
        self.parallel = parallel;
    }

    /// Whether [`Typesetter::prefetch`] may use a second thread.
    pub fn is_parallel(&self) -> bool {
        self.parallel
    }

    /// How many paragraphs this typesetter (with its helper thread) has shaped: cache
    /// misses, for tests and benchmarks.
    pub fn paragraphs_shaped(&self) -> usize {
        self.shaped
    }

    /// The cached paragraph for `hash`, if it was set from these very arguments.
    fn cached(
        &self,
        hash: u64,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> Option<&Arc<SetParagraph>> {
        self.cache
            .get(&hash)
            .filter(|(request, _)| request.matches(spans, style, width))
            .map(|(_, set)| set)
    }

    /// Shapes `spans` and breaks them into lines no wider than `width`.
    pub fn set(
        &mut self,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> Arc<SetParagraph> {
        let hash = request_hash(spans, style, width);
        if let Some(hit) = self.cached(hash, spans, style, width).cloned() {
            self.cache_used.insert(hash);
            return hit;
        }
        let set = Arc::new(self.set_uncached(spans, style, width));
        self.shaped += 1;
        let request = ParagraphRequest {
            spans: spans.to_vec(),
            style: style.clone(),
            width,
        };
        self.cache.insert(hash, (request, Arc::clone(&set)));
        self.cache_used.insert(hash);
        set
    }

    fn set_uncached(
        &mut self,
        spans: &[StyledSpan],
        style: &ParagraphStyle,
        width: Pt,
    ) -> SetParagraph {
        let marked;
        let (spans, changes) = if spans.iter().any(|s| change_mark::has_marks(&s.text)) {
            marked = unmarked(spans);
            (marked.0.as_slice(), marked.1)
        } else {
            (spans, Vec::new())
        };
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
        let fallbacks: Vec<&str> = style
            .fallback
            .families_for(&text)
            .into_iter()
            .filter(|f| self.has_family(f))
            .collect();
        for fallback in &fallbacks {
            self.register_family(fallback);
        }
        let stack = font_stack(std::iter::once(family).chain(fallbacks.iter().copied()));
        let body_face = find_face(family, style.bold, style.italic).unwrap_or(FaceId(0));
        let symbol_stacks: Vec<(std::ops::Range<usize>, String)> =
            symbol_runs(&text, |c| body_face.maps(c))
                .into_iter()
                .map(|(range, script)| {
                    let first = style.fallback.families(script).iter().map(String::as_str);
                    let rest = std::iter::once(family).chain(fallbacks.iter().copied());
                    (range, font_stack(first.chain(rest)))
                })
                .collect();
        let mut builder = self
            .layout_cx
            .ranged_builder(&mut self.font_cx, &text, 1.0, false);
        builder.push_default(StyleProperty::FontFamily(FontFamily::from(stack.as_str())));
        for (range, stack) in &symbol_stacks {
            builder.push(
                StyleProperty::FontFamily(FontFamily::from(stack.as_str())),
                range.clone(),
            );
        }
        builder.push_default(StyleProperty::FontSize(style.size.0));
        builder.push_default(StyleProperty::OverflowWrap(OverflowWrap::Anywhere));
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
        for (index, span) in spans.iter().enumerate() {
            let change = changes.get(index).copied().flatten();
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
            let mut link = 0;
            if let Some(url) = &span.link {
                result.links.push(url.clone());
                link = u16::try_from(result.links.len()).unwrap_or(u16::MAX);
            }
            if link != 0 || change.is_some() {
                builder.push(StyleProperty::Brush(SpanBrush { link, change }), range);
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
                let change = glyph_run.style().brush.change;
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
                    change,
                    glyphs: glyphs.into(),
                    text: Arc::clone(&shared_text),
                });
            }
            result.lines.push(set_line);
        }
        result
    }
}

/// A CSS-style family list, `"Noto Sans", "Noto Sans Math"`, naming each family once.
fn font_stack<'a>(families: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<&str> = Vec::new();
    for family in families {
        if !seen.contains(&family) {
            seen.push(family);
        }
    }
    seen.iter()
        .map(|f| format!("\"{f}\""))
        .collect::<Vec<_>>()
        .join(", ")
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
