//! Listing LLM configurations, one page or all of them.

use std::num::NonZeroU32;

use futures_util::Stream;

use crate::call::CallOptions;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::generated::types::{Llm, LlmPage};
use crate::retry::Idempotency;

/// The most LLMs a page may hold.
pub const MAX_PER_PAGE: u32 = 100;

/// A listing of LLM configurations, started by [`Client::list_llms`].
///
/// [`send`](Self::send) returns one page; [`pages`](Self::pages) walks every
/// page from the one set here, lazily.
#[derive(Debug, Clone)]
#[must_use = "a listing sends nothing until `send`, `pages` or `all` is used"]
pub struct ListLlms<'c> {
    client: &'c Client,
    page: Option<u32>,
    per_page: Option<u32>,
    search: Option<String>,
    include_defaults: Option<bool>,
    options: CallOptions,
}

impl<'c> ListLlms<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        Self {
            client,
            page: None,
            per_page: None,
            search: None,
            include_defaults: None,
            options: CallOptions::default(),
        }
    }

    /// Sets `page`, the page to return, from 1.
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Sets `perPage`, how many LLMs a page holds: 1 to 100.
    pub fn per_page(mut self, per_page: u32) -> Self {
        self.per_page = Some(per_page);
        self
    }

    /// Sets `search`, text to search the LLMs for.
    pub fn search(mut self, search: impl Into<String>) -> Self {
        self.search = Some(search.into());
        self
    }

    /// Sets `includeDefaults`: whether to include Anam's built-in LLMs.
    pub fn include_defaults(mut self, include: bool) -> Self {
        self.include_defaults = Some(include);
        self
    }

    /// Fetches one page.
    ///
    /// # Errors
    ///
    /// Before sending, [`Error::InvalidInput`] if `page` is 0 or `perPage`
    /// is outside 1 to 100. After, as [`UpdateLlm::send`](crate::UpdateLlm::send).
    pub async fn send(&self) -> Result<LlmPage> {
        self.fetch(self.page.unwrap_or(1)).await
    }

    /// Walks every page from the one set (or the first), lazily: each page
    /// is fetched when the stream is polled for it. The stream takes the
    /// listing, so it can be built and walked in one expression.
    ///
    /// The walk ends after the last page as `meta` tells it: `currentPage`
    /// (or `page`) reaching `lastPage`, or, without `lastPage`, `next` being
    /// null or absent. It also ends after a page that is empty, has no
    /// `meta`, names a `next` page that is not after it, reports a page
    /// before the one asked for, or holds the same LLMs as the page before,
    /// so that a server that ignores `page` cannot keep the caller walking
    /// forever. It ends after the first error, which is its last item.
    pub fn pages(self) -> impl Stream<Item = Result<LlmPage>> + 'c {
        let first = Some(self.page.unwrap_or(1));
        let state = (first, self, Vec::new());
        futures_util::stream::unfold(state, |(next, listing, previous)| async move {
            let number = next?;
            match listing.fetch(number).await {
                Ok(page) => {
                    let ids: Vec<String> = page.data.iter().map(|llm| llm.id.clone()).collect();
                    let after = next_page(number, &page).filter(|_| ids != previous);
                    Some((Ok(page), (after, listing, ids)))
                }
                Err(err) => Some((Err(err), (None, listing, Vec::new()))),
            }
        })
    }

    /// Every LLM on every page from the one set, as [`pages`](Self::pages)
    /// walks them.
    ///
    /// # Errors
    ///
    /// The first error of any page.
    pub async fn all(&self) -> Result<Vec<Llm>> {
        use futures_util::StreamExt;

        let mut llms = Vec::new();
        let mut pages = std::pin::pin!(self.clone().pages());
        while let Some(page) = pages.next().await {
            llms.extend(page?.data);
        }
        Ok(llms)
    }

    async fn fetch(&self, page: u32) -> Result<LlmPage> {
        let page = NonZeroU32::new(page)
            .ok_or_else(|| Error::invalid("page", "pages are numbered from 1"))?;
        let per_page = match self.per_page {
            None => None,
            Some(n @ 1..=MAX_PER_PAGE) => NonZeroU32::new(n),
            Some(n) => {
                return Err(Error::invalid(
                    "perPage",
                    format!("a page holds 1 to {MAX_PER_PAGE} LLMs, not {n}"),
                ));
            }
        };

        let generated = self.client.generated();
        self.client
            .run(&self.options, Idempotency::Idempotent, None, || {
                generated.list_llms(
                    self.include_defaults,
                    Some(page),
                    per_page,
                    self.search.as_deref(),
                )
            })
            .await
    }
}

/// The page after `number`, or `None` if `page` is the last.
fn next_page(number: u32, page: &LlmPage) -> Option<u32> {
    let meta = page.meta.as_ref()?;
    if page.data.is_empty() {
        return None;
    }
    let current = meta.current_page.or(meta.page).unwrap_or(i64::from(number));
    if meta.last_page.is_some_and(|last| current >= last) {
        return None;
    }
    match meta.next {
        None if meta.last_page.is_none() => return None,
        Some(next) if next <= i64::from(number) => return None,
        _ => {}
    }
    // A server that reports a page before the one asked for would send the
    // walk round in a circle.
    if current < i64::from(number) {
        return None;
    }
    number.checked_add(1)
}

call_options!(ListLlms);
