mod common;
#[test]
fn probe() {
    let Ok(s) = std::env::var("PROBE") else { return };
    let lang = std::env::var("PLANG").unwrap_or("fr".into());
    let pubd = std::env::var("PUB").unwrap_or("2016-09-20".into());
    for line in s.split('|') {
        let doc = common::clean_doc("p", line, Some(&lang), Some(&pubd));
        let a = truce_extract::Extractor::embedded().extract(&doc);
        println!("## {line}");
        for e in &a.events { println!("   {}", common::render(e)); }
        for an in &a.annotations { if let truce_extract::Annotation::Actor{span,codes} = an { println!("      actor {:?} {:?}", span.slice(&doc.text), codes); } }
    }
}
