//! Writes a synthetic deck for benchmarks and memory checks (dev-only; not part of the product CLI).
//!
//! `cargo run --release --example gen_deck -- DIR [ITEMS]` writes `ITEMS` items (default 10,000) spread over
//! ten topic files in `DIR`, using every item kind, both languages and realistic text lengths.

use std::fmt::Write as _;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "target/gen-deck".to_string());
    let items: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    write_deck(Path::new(&dir), items, 10)?;
    eprintln!("wrote {items} items to {dir}");
    Ok(())
}

/// Writes `items` items over `topics` files into `dir`.
pub fn write_deck(dir: &Path, items: usize, topics: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let per_topic = items.div_ceil(topics);
    for t in 0..topics {
        let start = t * per_topic;
        let end = ((t + 1) * per_topic).min(items);
        std::fs::write(dir.join(format!("topic-{t:02}.toml")), topic_text(t, start..end))?;
    }
    Ok(())
}

fn topic_text(t: usize, range: std::ops::Range<usize>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "[topic]\nid = \"topic-{t}\"\ntitle = {{ en = \"Topic {t}\", ko = \"주제 {t}\" }}\norder = {t}\n"
    );
    for i in range {
        let _ = match i % 10 {
            0 => writeln!(
                s,
                "[[section]]\nid = \"s{i}\"\ntitle = {{ en = \"Section {i} about Lambda\", ko = \"람다 섹션 {i}\" }}\nbody.en = \"\"\"\nParagraph one of section {i} explains how a serverless function scales.\n\n- bullet one\n- bullet two\"\"\"\nbody.ko = \"\"\"\n섹션 {i}의 첫 문단은 서버리스 함수의 확장을 설명합니다.\n\n- 항목 하나\n- 항목 둘\"\"\"\nsources = [\"https://docs.aws.amazon.com/lambda/{i}.html\"]\n"
            ),
            1 => writeln!(
                s,
                "[[compare]]\nid = \"c{i}\"\ntitle = \"Compare {i}\"\noptions = [\"Alpha {i}\", \"Beta {i}\"]\nsources = [\"https://docs.aws.amazon.com/c/{i}.html\"]\n\n[[compare.row]]\nattribute = {{ en = \"Speed\", ko = \"속도\" }}\nvalues = [\"fast {i}\", \"slow {i}\"]\n\n[[compare.row]]\nattribute = {{ en = \"Cost\", ko = \"비용\" }}\nvalues = [\"low {i}\", \"high {i}\"]\n"
            ),
            2 | 3 => writeln!(
                s,
                "[[scenario]]\nid = \"q{i}\"\nprompt = {{ en = \"Scenario {i}: hundreds of mobile users must sign in with SAML. What fits?\", ko = \"시나리오 {i}: 수백 명의 모바일 사용자가 SAML로 로그인해야 합니다. 무엇이 맞나요?\" }}\nkeywords = {{ en = [\"mobile users\", \"SAML\"], ko = [\"모바일 사용자\", \"SAML\"] }}\nexplanation = {{ en = \"Because {i}.\", ko = \"이유 {i}.\" }}\nsource = \"https://docs.aws.amazon.com/q/{i}.html\"\n\n[[scenario.choice]]\ntext = \"Right {i}\"\ncorrect = true\nwhy = {{ en = \"Right because.\", ko = \"맞습니다.\" }}\n\n[[scenario.choice]]\ntext = \"Wrong {i}\"\nwhy = {{ en = \"Wrong because.\", ko = \"틀립니다.\" }}\n\n[[scenario.choice]]\ntext = \"Other {i}\"\nwhy = {{ en = \"Also wrong.\", ko = \"역시 틀립니다.\" }}\n"
            ),
            _ => writeln!(
                s,
                "[[fact]]\nid = \"f{i}\"\nprompt = {{ en = \"What is the limit number {i} of the service?\", ko = \"서비스의 {i}번 한도는?\" }}\nanswer = {{ en = \"{i} MB\", ko = \"{i} MB\" }}\ngroup = \"data-size\"\nsource = \"https://docs.aws.amazon.com/f/{i}.html\"\n"
            ),
        };
    }
    s
}
