//! Typed ids for the things in a project, and the allocator that hands them out.

use serde::{Deserialize, Serialize};

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u64);
    };
}

id_type!(
    /// An imported article.
    SourceId
);
id_type!(
    /// A heading or paragraph inside a source.
    SectionId
);
id_type!(
    /// An item of the talking-point library.
    TalkingPointId
);
id_type!(
    /// A part of the brief (Purpose, Background, …).
    PartId
);
id_type!(
    /// A block inside a part.
    BlockId
);
id_type!(
    /// A reviewer's comment on the brief.
    CommentId
);
id_type!(
    /// A suggested change to the brief, waiting to be accepted or rejected.
    SuggestionId
);
id_type!(
    /// A saved version of the brief.
    VersionId
);

/// Hands out ids that are never reused within a project, so references stay stable.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IdAllocator {
    next: u64,
}

impl Default for IdAllocator {
    fn default() -> Self {
        IdAllocator { next: 1 }
    }
}

impl IdAllocator {
    fn take(&mut self) -> u64 {
        let id = self.next;
        self.next += 1;
        id
    }

    /// Makes sure no id at or below `used` is handed out again (after loading a file).
    pub fn reserve_up_to(&mut self, used: u64) {
        self.next = self.next.max(used + 1);
    }

    /// A new source id.
    pub fn source(&mut self) -> SourceId {
        SourceId(self.take())
    }
    /// A new section id.
    pub fn section(&mut self) -> SectionId {
        SectionId(self.take())
    }
    /// A new talking-point id.
    pub fn talking_point(&mut self) -> TalkingPointId {
        TalkingPointId(self.take())
    }
    /// A new part id.
    pub fn part(&mut self) -> PartId {
        PartId(self.take())
    }
    /// A new block id.
    pub fn block(&mut self) -> BlockId {
        BlockId(self.take())
    }
    /// A new comment id.
    pub fn comment(&mut self) -> CommentId {
        CommentId(self.take())
    }
    /// A new suggestion id.
    pub fn suggestion(&mut self) -> SuggestionId {
        SuggestionId(self.take())
    }
    /// A new version id.
    pub fn version(&mut self) -> VersionId {
        VersionId(self.take())
    }
}
