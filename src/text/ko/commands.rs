//! Korean words of the headless commands: `recall import anki` (Anki ko's own terms: 노트, 앞면/뒷면,
//! '텍스트 파일로 된 노트'), `config.toml` errors, `recall check`'s diagnostics and the data folder's
//! errors. As everywhere in Korean: the reason first, the path last.
//!
//! A deck diagnostic is said per [`Rule`]: its quoted values (an id, a field, a keyword) come from the
//! diagnostic as core made it; its path, position and `[rule]` name stay as they are, so editors and
//! scripts that read `path:line:col:` keep working.

use std::path::Path;

use super::Ko;
use crate::core::anki::{AnkiError, HeaderProblem, ImportWarning, Needed};
use crate::core::config::ConfigProblem;
use crate::core::config::keys::KeyError;
use crate::core::content::diagnostic::{Diagnostic, Rule, Severity};
use crate::core::untrusted::one_line;
use crate::io::anki_package::PackageError;
use crate::text::commands::{CommandWords, DataFailure, ImportFailure};

impl CommandWords for Ko {
    fn import_wrote_file(&self, path: &Path, topic: &str, facts: usize) -> String {
        format!(
            "저장했습니다: {} (주제 `{topic}`, 요점 {facts}개)",
            path.display()
        )
    }

    fn import_wrote_folder(&self, dir: &Path, topics: &[(String, usize)]) -> String {
        let facts: usize = topics.iter().map(|(_, n)| n).sum();
        let list: Vec<String> = topics.iter().map(|(id, n)| format!("{id} ({n})")).collect();
        format!(
            "주제 파일 {}개를 저장했습니다(요점 {facts}개): {} — {}",
            topics.len(),
            list.join(", "),
            dir.display()
        )
    }

    fn import_history(
        &self,
        reviews: usize,
        changes: usize,
        already: usize,
        log: &Path,
        cards: usize,
    ) -> String {
        format!(
            "카드 {cards}장의 복습 기록 {reviews}건과 일정 변경 {changes}건을 학습 기록에 더했습니다\
             (이미 있던 {already}건은 건너뜀) — {}",
            log.display()
        )
    }

    fn import_study_hint(&self, dir: &Path) -> String {
        format!("학습하려면: recall --content {} study", dir.display())
    }

    fn import_warning(&self, warning: &ImportWarning) -> String {
        match warning {
            ImportWarning::Media(n) => {
                format!("미디어 참조 {n}개([sound:…], <img>)를 뺐습니다. recall은 텍스트만 표시합니다.")
            }
            ImportWarning::Characters(n) => {
                format!("덱 텍스트에 쓸 수 없는 제어 문자·방향 제어 문자 {n}개를 지웠습니다.")
            }
            ImportWarning::Empty(n) => format!("앞면이나 뒷면이 비어 있는 노트 {n}개를 건너뛰었습니다."),
            ImportWarning::Duplicates(n) => {
                format!("앞선 노트와 GUID가 같은(GUID가 없으면 앞면이 같은) 노트 {n}개를 건너뛰었습니다.")
            }
            ImportWarning::ImageOcclusion(n) => {
                format!("이미지 가림 카드 {n}장은 그림이라 건너뛰었습니다.")
            }
            ImportWarning::MediaFiles(n) => {
                format!("미디어 파일 {n}개는 가져오지 않았습니다. recall은 텍스트만 표시합니다.")
            }
            ImportWarning::Suspended(n) => {
                format!("보류된 카드 {n}장은 recall에 보류 기능이 없어 일반 카드로 가져왔습니다.")
            }
            ImportWarning::ReviewsDropped(n) => {
                format!("가져오지 않은 카드의 복습 기록 {n}건은 건너뛰었습니다.")
            }
            ImportWarning::PresetDiffers { name, settings } => format!(
                "Anki 옵션 프리셋 \"{name}\"의 FSRS 설정이 recall과 다릅니다. Anki와 같은 일정으로 학습하려면 \
                 config.toml에 다음을 지정하세요: {settings}"
            ),
        }
    }

    fn import_failure(&self, failure: &ImportFailure<'_>) -> String {
        match failure {
            ImportFailure::Read { path, error } => format!("{} — {}", read_reason(error), path.display()),
            ImportFailure::TooLarge { path, mb, max_mb } => format!(
                "파일이 너무 큽니다({mb} MB). recall은 {max_mb} MB까지의 Anki 텍스트 내보내기 파일을 가져옵니다 — {}",
                path.display()
            ),
            ImportFailure::Anki { path, error } => format!("{}: {}", path.display(), anki_error(error)),
            ImportFailure::Package(error) => package_error(error),
            ImportFailure::NoCards { path } => format!(
                "{}: 가져올 노트가 없습니다. HTML과 미디어를 빼고 나면 질문과 답이 모두 있는 카드가 없습니다.",
                path.display()
            ),
            ImportFailure::BadSource(source) => format!(
                "--source \"{}\"은(는) 올바른 주소가 아닙니다. http:// 또는 https://로 시작하는 전체 URL을 \
                 지정하세요.",
                source.escape_debug()
            ),
            ImportFailure::SeveralToStdout(n) => format!(
                "가져오면 주제 파일이 {n}개 생깁니다. --output에는 표준 출력(-)이 아니라 폴더를 지정하세요."
            ),
            ImportFailure::Interrupted { written, total } => format!(
                "신호를 받아 중단했습니다. 주제 파일 {total}개 중 {written}개를 저장했고 학습 기록은 더하지 \
                 않았습니다. 다시 가져오세요."
            ),
        }
    }

    fn config_problem(&self, problem: &ConfigProblem) -> String {
        match problem {
            ConfigProblem::NotUtf8 => "UTF-8 텍스트 파일이 아닙니다".to_string(),
            ConfigProblem::Syntax(message) | ConfigProblem::NotEditable(message) => toml_syntax(message),
            ConfigProblem::UnknownField { field, expected } => format!(
                "알 수 없는 설정입니다: `{field}` (사용할 수 있는 설정: {})",
                expected.join(", ")
            ),
            ConfigProblem::WrongType { found, expected } => format!(
                "{} 써야 하는 자리에 {}이(가) 있습니다",
                toml_type(expected),
                toml_value(found)
            ),
            ConfigProblem::Retention(value) => {
                format!("desired_retention은 0.7–0.99 사이여야 합니다(입력값 {value})")
            }
            ConfigProblem::Count { name, max, value } => {
                format!("{name}은(는) 0–{max} 사이의 정수여야 합니다(입력값 {value})")
            }
            ConfigProblem::UnknownLanguage(code) => format!("알 수 없는 언어입니다: `{code}`"),
            ConfigProblem::UnknownTheme { name, .. } => format!("알 수 없는 테마입니다: `{name}`"),
            ConfigProblem::UnknownAction { name, .. } => {
                format!("[keys]에 알 수 없는 동작이 있습니다: `{name}`")
            }
            ConfigProblem::BadKey { key, error } => {
                let why = match error {
                    KeyError::RepeatedModifier => "같은 조합 키(ctrl+ 등)가 두 번 있습니다",
                    KeyError::NotAKey => "키 이름이 아닙니다",
                    KeyError::AltShift => {
                        "alt+와 shift+ 조합은 지원하지 않습니다. 키 하나 또는 ctrl+ 조합을 쓰세요"
                    }
                    KeyError::CtrlNamed => {
                        "ctrl+는 문자 키와만 조합할 수 있습니다(ctrl+q). 이름 있는 키는 단독으로 쓰세요"
                    }
                };
                format!("`{key}`: {why}")
            }
            ConfigProblem::KeyTaken { key, first, line, .. } => format!(
                "`{key}`은(는) 이미 `{first}`의 키입니다({line}번째 줄). 키 하나에 동작 두 개를 지정할 수 없습니다"
            ),
            ConfigProblem::UnknownHighlight(value) => {
                format!("highlight_keywords에 쓸 수 없는 값입니다: `{value}`")
            }
            ConfigProblem::Parameters { count, .. } => {
                format!("FSRS 매개변수가 올바르지 않습니다(값 {count}개)")
            }
        }
    }

    fn config_hint(&self, problem: &ConfigProblem) -> Option<String> {
        let hint = match problem {
            ConfigProblem::NotUtf8 => "config.toml을 UTF-8로 저장하세요".to_string(),
            ConfigProblem::Syntax(_)
            | ConfigProblem::UnknownField { .. }
            | ConfigProblem::WrongType { .. } => {
                "기본 파일의 주석을 참고하세요(config.toml을 지우면 기본 파일이 다시 만들어집니다)"
                    .to_string()
            }
            ConfigProblem::Retention(_) => {
                "0.9로 시작하기를 권합니다. 높을수록 복습이 많아집니다".to_string()
            }
            ConfigProblem::Count {
                name: "day_starts_at",
                ..
            } => "4로 두면 새벽 4시에 하루가 바뀌어, 자정을 넘긴 학습도 전날로 셉니다".to_string(),
            ConfigProblem::Count { .. } => return None,
            ConfigProblem::UnknownLanguage(_) => "\"en\" 또는 \"ko\"를 쓰세요".to_string(),
            ConfigProblem::UnknownTheme { known, .. } => {
                format!("사용할 수 있는 테마: {}", known.join(", "))
            }
            ConfigProblem::UnknownAction { known, .. } => {
                format!("사용할 수 있는 동작: {}", known.join(", "))
            }
            ConfigProblem::BadKey { .. } => {
                "문자 하나(\"u\", \"?\") 또는 space, enter, esc, tab, backspace, \
                 delete, insert, up, down, left, right, home, end, pageup, pagedown, f1-f12를 쓰세요. \
                 문자 앞에는 ctrl+를 붙일 수 있습니다"
                    .to_string()
            }
            ConfigProblem::KeyTaken { action, .. } => {
                format!("`{action}`에 다른 키를 지정하거나, 두 줄 중 하나를 지우세요")
            }
            ConfigProblem::UnknownHighlight(_) => "\"after-answer\" 또는 \"always\"를 쓰세요".to_string(),
            ConfigProblem::Parameters { .. } => {
                "recall optimize를 다시 실행하거나, 이 줄을 지워 기본값을 쓰세요".to_string()
            }
            ConfigProblem::NotEditable(_) => {
                "파일을 고친 뒤(또는 지워서 기본값으로 되돌린 뒤) 다시 시도하세요".to_string()
            }
        };
        Some(hint)
    }

    fn hint_label(&self) -> &'static str {
        "도움말"
    }

    fn diagnostic(&self, d: &Diagnostic) -> String {
        let path = one_line(&d.path);
        let at = match d.position {
            Some(p) => format!("{path}:{}:{}", p.line, p.col),
            None => path.into_owned(),
        };
        let (message, hint) = diagnostic_words(d);
        let mut said = format!(
            "{at}: {}: {} [{}]",
            self.severity(d.severity),
            one_line(&message),
            d.rule.name()
        );
        if let Some(hint) = hint {
            said.push_str(&format!("\n  = {}: {}", self.hint_label(), one_line(&hint)));
        }
        said
    }

    fn severity(&self, severity: Severity) -> &'static str {
        match severity {
            Severity::Error => "오류",
            Severity::Warning => "경고",
        }
    }

    fn strict_failed(&self, _warnings: usize) -> Option<String> {
        // The summary right below says it: `실패 — …, 경고 3개 (엄격 모드)`; a second line would repeat it.
        None
    }

    fn data_failure(&self, failure: &DataFailure<'_>) -> String {
        match failure {
            DataFailure::Access { path, error } => {
                let reason = match error.kind() {
                    std::io::ErrorKind::NotADirectory => {
                        "파일에 접근할 수 없습니다(데이터 폴더 경로가 폴더가 아님)"
                    }
                    std::io::ErrorKind::PermissionDenied => "권한이 없어 파일에 접근할 수 없습니다",
                    _ => "파일에 접근할 수 없습니다",
                };
                format!("{reason} — {}", path.display())
            }
            DataFailure::NoFolder { path } => format!("폴더가 없어 저장할 수 없습니다 — {}", path.display()),
            DataFailure::FutureSchema {
                path,
                line,
                version,
                supported,
            } => format!(
                "{}:{line}: 이 줄은 스키마 버전 {version}로 기록되었지만, 이 recall은 버전 {supported}까지만 읽을 수 \
                 있습니다. recall을 업데이트하세요(데이터는 바뀌지 않았습니다).",
                path.display()
            ),
        }
    }
}

/// Why a file could not be read, for a message that ends with its path.
fn read_reason(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::NotFound => "파일이 없습니다",
        std::io::ErrorKind::PermissionDenied => "권한이 없어 읽을 수 없습니다",
        std::io::ErrorKind::IsADirectory => "파일이 아니라 폴더입니다",
        _ => "파일을 읽을 수 없습니다",
    }
}

fn anki_error(error: &AnkiError) -> String {
    match error {
        AnkiError::Package => {
            "zip 압축 파일입니다(.apkg 또는 .colpkg 패키지인가요?). 패키지로 가져오려면 파일 \
             이름을 .apkg나 .colpkg로 끝나게 하세요."
                .to_string()
        }
        AnkiError::Binary { offset } => format!(
            "텍스트 파일이 아닙니다({offset}번째 바이트가 UTF-8 텍스트가 아니거나 NUL입니다). recall은 Anki의 \
             텍스트 내보내기 파일을 읽습니다. Anki에서 파일 → 내보내기 → '텍스트 파일로 된 노트'(.txt)로 \
             내보내세요."
        ),
        AnkiError::BadHeader { line, problem } => match problem {
            HeaderProblem::Separator(value) => format!(
                "{line}번째 줄: 알 수 없는 구분자입니다: \"{}\". Anki는 Tab, Comma, Semicolon, Space, Pipe, \
                 Colon 중 하나를 씁니다.",
                value.escape_debug()
            ),
            HeaderProblem::Column { key, value } => format!(
                "{line}번째 줄: `#{key}`에는 1부터 시작하는 열 번호가 필요합니다(입력값 \"{}\").",
                value.escape_debug()
            ),
        },
        AnkiError::MissingColumn { line, found, needed } => {
            let needed = match needed {
                Needed::Column { name, column } => format!("{name} 열은 {column}번째 열입니다"),
                Needed::FrontAndBack => "노트에는 앞면과 뒷면 필드가 있어야 합니다".to_string(),
            };
            format!(
                "{line}번째 줄: 필드가 {found}개뿐입니다. {needed}. Anki 텍스트 내보내기 파일인지, #separator 줄의 \
                 구분자가 맞는지 확인하세요."
            )
        }
        AnkiError::Syntax { line, .. } => {
            format!("{line}번째 줄: 읽을 수 없습니다(따옴표가 닫히지 않았는지 확인하세요).")
        }
        AnkiError::NoNotes => "가져올 노트가 없습니다. 앞면과 뒷면이 모두 있는 줄이 없습니다.".to_string(),
        AnkiError::Parameters(_) => {
            "recall의 FSRS 매개변수를 쓸 수 없습니다. config.toml의 fsrs_parameters를 확인하세요.".to_string()
        }
    }
}

fn package_error(error: &PackageError) -> String {
    match error {
        PackageError::Read { path, source } => format!("{} — {}", read_reason(source), path.display()),
        PackageError::TooLarge { path, size } => format!(
            "패키지가 너무 큽니다({} MB). recall은 {} MB까지 읽습니다. 크기는 대개 미디어 때문이고 recall은 미디어를 \
             쓰지 않으니, Anki에서 '미디어 포함'을 끄고 다시 내보내세요 — {}",
            size / 1_000_000,
            crate::io::anki_package::MAX_PACKAGE_BYTES / 1_000_000,
            path.display()
        ),
        PackageError::NotZip { path, .. } => format!(
            "Anki 패키지가 아닙니다(읽을 수 있는 zip 압축 파일이 아님) — {}",
            path.display()
        ),
        PackageError::NoCollection { path } => format!(
            "Anki 컬렉션이 들어 있지 않습니다(collection.anki21b, collection.anki21, collection.anki2 없음) — {}",
            path.display()
        ),
        PackageError::TooNew { path, version } => format!(
            "recall이 읽을 수 있는 것보다 새로운 Anki로 만든 패키지입니다(패키지 버전 {version}) — {}",
            path.display()
        ),
        PackageError::CollectionTooLarge { path } => format!(
            "패키지 안의 컬렉션이 압축을 풀면 {} MB를 넘어 읽기를 멈췄습니다 — {}",
            crate::io::anki_package::MAX_COLLECTION_BYTES / 1_000_000,
            path.display()
        ),
        PackageError::Corrupt { path, .. } => {
            format!("패키지 안의 컬렉션이 손상되었습니다 — {}", path.display())
        }
        PackageError::Schema { path, version } => format!(
            "컬렉션의 스키마 버전 {version}은(는) 읽을 수 없습니다. recall은 버전 11과 18을 읽습니다. 최신 Anki에서 \
             다시 내보내세요 — {}",
            path.display()
        ),
        PackageError::Columns { path, .. } => {
            format!("컬렉션의 설정 열을 읽을 수 없습니다 — {}", path.display())
        }
    }
}

/// A TOML parser message, said by what kind of mistake it is.
fn toml_syntax(message: &str) -> String {
    let m = message.to_ascii_lowercase();
    let said = if m.contains("must be quoted") {
        "값이 비어 있거나 따옴표로 감싸지 않았습니다"
    } else if m.contains("duplicate key") {
        "같은 키가 두 번 있습니다"
    } else if m.starts_with("unclosed") {
        "괄호나 따옴표가 닫히지 않았습니다"
    } else if m.contains("missing comma") {
        "쉼표가 빠졌습니다"
    } else if m.contains("extra comma") {
        "쉼표가 하나 더 있습니다"
    } else if m.contains("missing assignment") || m.contains("missing value") {
        "`=`와 값이 빠졌습니다"
    } else if m.contains("missing field") {
        "필요한 설정이 빠졌습니다"
    } else if m.starts_with("invalid") {
        "TOML 문법에 맞지 않는 값입니다"
    } else {
        "TOML 문법이 올바르지 않습니다"
    };
    said.to_string()
}

/// A TOML type the reader expected (`i64`, `a string`…), with its object particle.
fn toml_type(expected: &str) -> &'static str {
    let e = expected.trim_start_matches("a ").trim_start_matches("an ");
    if e.starts_with('i') || e.starts_with('u') || e.contains("integer") {
        "정수를"
    } else if e.starts_with('f') {
        "숫자를"
    } else if e.contains("string") || e.contains("str") {
        "문자열을"
    } else if e.contains("sequence") || e.contains("array") {
        "목록을"
    } else if e.contains("map") || e.contains("table") {
        "표를"
    } else if e.contains("bool") {
        "true나 false를"
    } else {
        "다른 형식의 값을"
    }
}

/// A value as the reader quotes it (`string "lots"`, `integer `5``).
fn toml_value(found: &str) -> String {
    let (kind, rest) = found.split_once(' ').unwrap_or((found, ""));
    let kind = match kind {
        "string" => "문자열",
        "integer" => "정수",
        "floating" | "float" => "숫자",
        "boolean" => "참/거짓 값",
        "sequence" => "목록",
        "map" => "표",
        _ => "값",
    };
    let rest = rest.trim_start_matches("point ");
    if rest.is_empty() {
        kind.to_string()
    } else {
        format!("{kind} {rest}")
    }
}

/// The quoted values (`…` or "…", delimiters kept) of an English diagnostic message.
fn quoted(message: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = message;
    while let Some(start) = rest.find(['`', '"']) {
        let quote = rest[start..].chars().next().unwrap_or('"');
        let Some(len) = rest[start + 1..].find(quote) else {
            break;
        };
        let end = start + 1 + len + 1;
        found.push(&rest[start..end]);
        rest = &rest[end..];
    }
    found
}

/// The Korean message and hint of a diagnostic, by its rule.
fn diagnostic_words(d: &Diagnostic) -> (String, Option<String>) {
    let english = d.message.as_str();
    let q = quoted(english);
    let with = |said: &str| match q.is_empty() {
        true => said.to_string(),
        false => format!("{said}: {}", q.join(", ")),
    };
    let hint_en = d.hint.as_deref().unwrap_or_default();
    let after = |prefix: &str| hint_en.split_once(prefix).map(|(_, list)| list.to_string());
    let (message, hint): (String, Option<String>) = match d.rule {
        Rule::TomlSyntax => (
            toml_syntax(english.trim_start_matches("invalid TOML: ")),
            Some(if hint_en.contains("checked =") {
                "달은 따옴표로 감싼 문자열로 쓰세요: checked = \"2026-11\"".to_string()
            } else {
                "TOML 문법은 https://toml.io를 참고하세요".to_string()
            }),
        ),
        Rule::WrongType => ("값의 형식이 올바르지 않습니다".to_string(), None),
        Rule::UnknownField => (
            with("알 수 없는 필드입니다"),
            after("allowed fields: ")
                .map(|l| format!("쓸 수 있는 필드: {l}"))
                .or_else(|| after("languages: ").map(|l| format!("쓸 수 있는 언어: {l}"))),
        ),
        Rule::MissingField => (with("필요한 필드가 없거나 비어 있습니다"), None),
        Rule::MissingTopic => (
            "`[topic]` 표가 없습니다".to_string(),
            Some("파일을 [topic] 표로 시작하세요: [topic] 줄 다음에 id = \"…\"와 title = \"…\"".to_string()),
        ),
        Rule::DuplicateId => (
            with("중복된 id입니다"),
            Some(match after("already used at ") {
                Some(at) => format!("이미 쓰인 곳: {at}"),
                None => "id는 한 주제 파일 안에서 항목 종류와 상관없이 모두 달라야 합니다".to_string(),
            }),
        ),
        Rule::InvalidId => (
            with("올바르지 않은 id입니다"),
            Some("소문자·숫자·`-`로 1–64자, 첫 글자는 소문자나 숫자로 쓰세요".to_string()),
        ),
        Rule::EmptyText => (
            "텍스트가 비어 있습니다".to_string(),
            Some("텍스트를 쓰거나, 필요 없는 항목이면 지우세요".to_string()),
        ),
        Rule::ControlCharacter => (
            format!(
                "텍스트에 제어 문자가 있습니다: {}",
                english.split_whitespace().find(|w| w.starts_with("U+")).unwrap_or("")
            ),
            Some("덱 텍스트는 일반 텍스트로 표시됩니다. 이스케이프 시퀀스, 탭 같은 제어 문자를 지우세요".to_string()),
        ),
        Rule::MalformedUrl => (
            with("올바르지 않은 출처 URL입니다"),
            Some("http:// 또는 https://로 시작하고 호스트가 있는 전체 URL을 공백 없이 쓰세요".to_string()),
        ),
        Rule::NoCorrectChoice => (
            "정답으로 표시된 보기가 없습니다".to_string(),
            Some("정답 보기에 `correct = true`를 지정하세요(정답이 여럿이면 각각)".to_string()),
        ),
        Rule::DuplicateChoice => (with("같은 보기가 두 번 있습니다"), Some("보기는 서로 달라야 합니다".to_string())),
        Rule::TooFewChoices => (
            "시나리오에는 보기가 2개 이상 필요합니다".to_string(),
            Some("text, correct, why가 있는 [[scenario.choice]] 표를 더하세요".to_string()),
        ),
        Rule::RowShape => (
            "비교표의 값 개수가 옵션 수와 맞지 않습니다(옵션은 2개 이상)".to_string(),
            Some("옵션마다 값을 하나씩, 옵션 순서대로 쓰세요".to_string()),
        ),
        Rule::KeywordNotInPrompt => (
            with("질문에 없는 키워드입니다"),
            Some("키워드는 질문에서 강조되므로 질문에 있는 구절이어야 합니다".to_string()),
        ),
        Rule::MissingTranslation => (
            with("번역이 없습니다"),
            Some("다른 언어가 대신 표시됩니다. `recall check --strict`에서는 오류가 됩니다".to_string()),
        ),
        Rule::InvalidDate => (
            with("올바르지 않은 `checked` 달입니다"),
            Some("확인한 연도와 달을 \"YYYY-MM\" 형식으로 쓰세요: checked = \"2026-11\"".to_string()),
        ),
        Rule::Stale => stale(english, hint_en),
        Rule::TableBrackets => (
            with("표의 괄호가 맞지 않습니다"),
            Some("여러 개인 표는 이중 괄호([[…]])로, 하나뿐인 표는 단일 괄호([…])로 쓰세요".to_string()),
        ),
        Rule::Unreadable => (
            "파일을 읽을 수 없습니다".to_string(),
            d.hint.as_ref().map(|_| "주제 파일을 UTF-8로 저장하세요".to_string()),
        ),
        Rule::DuplicateAlias => (with("이미 있는 표기입니다"), Some("하나만 남기세요".to_string())),
        Rule::TooManyAliases => (
            format!(
                "별칭이 {}개입니다. 용어 하나에는 별칭을 최대 {}개까지 쓸 수 있습니다",
                english.split_whitespace().next().unwrap_or(""),
                crate::core::content::glossary_file::MAX_ALIASES
            ),
            Some("학습자가 실제로 입력하는 표기만 남기세요. 검색은 용어의 모든 별칭을 살펴봅니다".to_string()),
        ),
        Rule::AnswerCue => (
            format!(
                "정답 선택지가 가장 긴 오답보다 {}배 길어, 길이만으로 정답이 드러납니다",
                english
                    .split_whitespace()
                    .find_map(|w| w.strip_suffix('×'))
                    .unwrap_or("")
            ),
            Some(
                "오답을 정답만큼 길고 구체적으로 쓰거나(이 시나리오에 맞지 않는 실제 서비스나 설정), 정답을 줄이세요"
                    .to_string(),
            ),
        ),
        Rule::UnknownRelated => (
            with("관련 항목(related)이 올바르지 않습니다"),
            Some("`related`에는 같은 파일에 있는 다른 항목의 id를 쓰세요".to_string()),
        ),
        Rule::GivesAway => (
            match q.as_slice() {
                [fact, other, ..] => format!(
                    "{fact}의 답이 {other}의 질문에 나옵니다. 먼저 학습하면 답이 드러납니다"
                ),
                _ => with("답이 다른 항목의 질문에 나옵니다"),
            },
            q.get(1).map(|other| {
                format!("두 항목 중 하나에 related = [{other}]를 더하면 같은 날 새 카드로 나오지 않습니다")
            }),
        ),
    };
    (message, hint)
}

/// The three kinds of stale warning, read from core's message (months as `YYYY-MM`).
fn stale(english: &str, hint: &str) -> (String, Option<String>) {
    let months: Vec<&str> = english
        .split([' ', ',', ':'])
        .filter(|w| w.len() == 7 && w.as_bytes()[4] == b'-' && w[..4].chars().all(|c| c.is_ascii_digit()))
        .collect();
    let number_after = |word: &str| {
        english
            .split_once(word)
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap_or("")
            .to_string()
    };
    if english.contains("which is after") {
        let (checked, today) = (
            months.first().copied().unwrap_or(""),
            months.get(1).copied().unwrap_or(""),
        );
        (
            format!("확인한 달 {checked}이(가) 이번 달 {today}보다 뒤입니다"),
            Some("실제로 확인한 달을 쓰세요".to_string()),
        )
    } else if let [checked, today, ..] = months.as_slice() {
        let age = english
            .split_once(", ")
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .unwrap_or("");
        (
            format!(
                "{checked}에 확인한 뒤 {age}개월이 지났습니다({today} 기준, --stale {})",
                number_after("--stale")
            ),
            Some("출처와 다시 대조한 뒤 `checked`를 고치세요".to_string()),
        )
    } else {
        let add = quoted(hint).first().map_or("\"YYYY-MM\"", |m| *m);
        (
            "`checked` 달이 없습니다".to_string(),
            Some(format!("출처와 대조한 뒤 checked = {add}을(를) 더하세요")),
        )
    }
}
