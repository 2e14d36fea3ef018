//! Scores the committed models: `eval-ner [--data DIR] [--models DIR]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = article_lens::ner_tools::eval_main(args) {
        eprintln!("eval-ner: {e}");
        std::process::exit(1);
    }
}
