//! The JavaScript boundary: every `#[wasm_bindgen]` item lives here.
//!
//! The core already speaks UTF-16 offsets in its [`Analysis`](crate::Analysis); this module only
//! moves values across and turns errors (and, as a last resort, panics) into JS `Error`s.
//! Strings from JS arrive through `TextEncoder`, which replaces lone surrogates with U+FFFD:
//! one code unit for one, so offsets still line up with the caller's string.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::Analyzer;

thread_local! {
    static LAST_PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Runs once when the module is instantiated: records panic messages so the JS wrapper can
/// report them (the wasm build aborts on panic; the wrapper then rebuilds the instance).
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        let message = info.to_string();
        LAST_PANIC.with(|p| *p.borrow_mut() = message);
    }));
}

/// The message of the last panic, if any (for the JS wrapper's error report).
#[wasm_bindgen(js_name = lastPanicMessage)]
pub fn last_panic_message() -> String {
    LAST_PANIC.with(|p| p.borrow().clone())
}

/// Detects the language of a text: `"fr"`, `"en"` or `"und"`.
#[wasm_bindgen(js_name = detectLanguage)]
pub fn detect_language(text: &str) -> String {
    Analyzer::detect_language(text).to_string()
}

/// An analyzer with its loaded entity models.
#[wasm_bindgen(js_name = ArticleLens)]
pub struct ArticleLens {
    analyzer: Analyzer,
}

#[wasm_bindgen(js_class = ArticleLens)]
impl ArticleLens {
    #[wasm_bindgen(constructor)]
    pub fn new() -> ArticleLens {
        ArticleLens { analyzer: Analyzer::new() }
    }

    /// Loads a model file (`ner-fr.bin`, `ner-en.bin`); returns its language code.
    #[wasm_bindgen(js_name = loadModel)]
    pub fn load_model(&mut self, bytes: &[u8]) -> Result<String, JsError> {
        self.analyzer.load_model(bytes).map(str::to_string).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Analyses `text`; returns the analysis object (see `article-lens.d.ts`).
    pub fn analyze(&self, text: &str) -> Result<JsValue, JsError> {
        let analysis = self.analyzer.analyze(text).map_err(|e| JsError::new(&e.to_string()))?;
        js_sys::JSON::parse(&analysis.to_json()).map_err(|_| JsError::new("cannot convert the result to JSON"))
    }
}

impl Default for ArticleLens {
    fn default() -> Self {
        ArticleLens::new()
    }
}
