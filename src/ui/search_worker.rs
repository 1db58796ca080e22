//! The search worker: the one thread that builds the deck's indexes (the quiz pool, then the search index)
//! and answers queries, so the interface never waits on any of them (issues 12 and 23).
//!
//! It lives at the I/O edge: the effect runner owns it, hands it each [`Effect::Search`](super::app::Effect)
//! request ([`SearchWorker::submit`]) and passes what it sends back ([`SearchWorker::poll`]) to `update` as
//! messages: [`Msg::SearchReady`] once the index is built, [`Msg::SearchResults`] per answered query. A newer
//! request supersedes older ones: queued ones are skipped, and the one running stops at its next check
//! ([`SearchIndex::search_until`]), so only the latest keystroke's results arrive.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::JoinHandle;

use super::msg::{Msg, SearchRequest};
use crate::core::content::Deck;
use crate::core::quiz::QuizPool;
use crate::core::search::SearchIndex;

/// A running search worker.
pub struct SearchWorker {
    requests: Option<Sender<SearchRequest>>,
    answers: Receiver<Msg>,
    /// The generation of the newest request submitted.
    latest: Arc<AtomicU64>,
    /// The generation of the newest answer received (or 0), and whether the index is ready.
    answered: u64,
    ready: bool,
    thread: Option<JoinHandle<()>>,
}

impl SearchWorker {
    /// Starts the thread: it indexes `deck`, says [`Msg::SearchReady`], then answers requests.
    pub fn start(deck: Arc<Deck>) -> SearchWorker {
        let (requests, inbox) = mpsc::channel::<SearchRequest>();
        let (outbox, answers) = mpsc::channel();
        let latest = Arc::new(AtomicU64::new(0));
        let newest = Arc::clone(&latest);
        let thread = std::thread::Builder::new()
            .name("search".into())
            .spawn(move || serve(deck, &inbox, &outbox, &newest))
            .expect("the search thread starts");
        SearchWorker {
            requests: Some(requests),
            answers,
            latest,
            answered: 0,
            ready: false,
            thread: Some(thread),
        }
    }

    /// Queues a query; it supersedes every earlier one.
    pub fn submit(&self, request: SearchRequest) {
        self.latest.fetch_max(request.generation, Ordering::SeqCst);
        if let Some(requests) = &self.requests {
            // A send fails only if the thread is gone (it panicked): then search shows no results.
            let _ = requests.send(request);
        }
    }

    /// The next message from the worker, if one is waiting.
    pub fn poll(&mut self) -> Option<Msg> {
        let msg = self.answers.try_recv().ok()?;
        match &msg {
            Msg::SearchReady => self.ready = true,
            Msg::SearchResults { generation, .. } => self.answered = self.answered.max(*generation),
            _ => {}
        }
        Some(msg)
    }

    /// Whether the worker owes an answer: the index is being built, or the latest query is unanswered.
    pub fn busy(&self) -> bool {
        !self.ready || self.answered < self.latest.load(Ordering::SeqCst)
    }
}

impl Drop for SearchWorker {
    fn drop(&mut self) {
        self.latest.store(u64::MAX, Ordering::SeqCst);
        self.requests = None;
        // The thread ends once the request channel closes; a query running stops at its next check. An index
        // still being built is not waited for: the process is leaving.
        if let Some(thread) = self.thread.take()
            && thread.is_finished()
        {
            let _ = thread.join();
        }
    }
}

/// The worker thread's body.
fn serve(deck: Arc<Deck>, inbox: &Receiver<SearchRequest>, outbox: &Sender<Msg>, latest: &AtomicU64) {
    // The quiz pool first: it takes a fraction of the search index's time.
    if outbox
        .send(Msg::QuizPool(Arc::new(QuizPool::new(&deck))))
        .is_err()
    {
        return;
    }
    let index = SearchIndex::new(deck);
    crate::io::memory::release_free_memory();
    if outbox.send(Msg::SearchReady).is_err() {
        return;
    }
    while let Ok(mut request) = inbox.recv() {
        while let Ok(newer) = inbox.try_recv() {
            request = newer;
        }
        let superseded = || latest.load(Ordering::SeqCst) != request.generation;
        let Some(hits) = index.search_until(&request.query, &request.options, &superseded) else {
            continue;
        };
        if superseded() {
            continue;
        }
        let answer = Msg::SearchResults {
            generation: request.generation,
            hits,
        };
        if outbox.send(answer).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::content::Lang;
    use crate::core::search::SearchOptions;

    fn deck() -> Arc<Deck> {
        Arc::new(
            crate::io::deck::load(&crate::io::deck::DeckLocation::Bundled)
                .unwrap()
                .deck,
        )
    }

    fn request(generation: u64, query: &str) -> SearchRequest {
        SearchRequest {
            generation,
            query: query.into(),
            options: SearchOptions::new(5, Lang::En),
        }
    }

    /// Waits (without a deadline: the test harness has one) for the worker's next message.
    fn next(worker: &mut SearchWorker) -> Msg {
        loop {
            if let Some(msg) = worker.poll() {
                return msg;
            }
            std::thread::yield_now();
        }
    }

    #[test]
    fn says_ready_then_answers_only_the_latest_query() {
        let mut worker = SearchWorker::start(deck());
        assert!(worker.busy());
        for (generation, query) in [(1, "lam"), (2, "lamb"), (3, "lambda")] {
            worker.submit(request(generation, query));
        }
        assert!(matches!(next(&mut worker), Msg::QuizPool(_)));
        assert_eq!(next(&mut worker), Msg::SearchReady);
        let Msg::SearchResults { generation, hits } = next(&mut worker) else {
            panic!("results expected");
        };
        // Requests 1 and 2 were queued behind the index build and superseded by 3.
        assert_eq!(generation, 3);
        assert!(!hits.is_empty());
        assert!(!worker.busy());
    }
}
