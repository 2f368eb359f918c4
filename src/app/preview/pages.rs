//! The preview's page textures, drawn again only when a page or the scale changes.

use egui::{ColorImage, TextureHandle, TextureOptions};

use crate::layout::Page;
use crate::raster::Rasterizer;

/// Page textures, kept until their page or the scale changes.
#[derive(Default)]
pub struct Preview {
    pub(in crate::app) rasterizer: Rasterizer,
    pages: Vec<PageTexture>,
}

struct PageTexture {
    page: Page,
    scale: f32,
    texture: TextureHandle,
}

impl Preview {
    /// The texture for page `index`, drawing it again only if the page or scale changed.
    pub(in crate::app) fn texture(
        &mut self,
        ctx: &egui::Context,
        index: usize,
        page: &Page,
        scale: f32,
    ) -> Option<egui::TextureId> {
        if let Some(existing) = self.pages.get(index)
            && existing.scale == scale
            && existing.page == *page
        {
            return Some(existing.texture.id());
        }
        let raster = self.rasterizer.render(page, scale)?;
        let image = ColorImage::from_rgba_premultiplied(
            [raster.width as usize, raster.height as usize],
            &raster.rgba,
        );
        if let Some(existing) = self.pages.get_mut(index) {
            existing.texture.set(image, TextureOptions::LINEAR);
            existing.page = page.clone();
            existing.scale = scale;
        } else {
            self.pages.truncate(index);
            let texture = ctx.load_texture(format!("page-{index}"), image, TextureOptions::LINEAR);
            self.pages.push(PageTexture {
                page: page.clone(),
                scale,
                texture,
            });
        }
        self.pages.get(index).map(|p| p.texture.id())
    }
}
