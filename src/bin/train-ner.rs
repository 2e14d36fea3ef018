//! Trains a named-entity model: `train-ner --lang en|fr [--data DIR] [--out FILE] [--epochs N]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = article_lens::ner_tools::train_main(args) {
        eprintln!("train-ner: {e}");
        std::process::exit(1);
    }
}
