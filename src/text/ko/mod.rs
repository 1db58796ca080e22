//! Korean (한국어): 합니다체 for statements, ‑세요 for instructions, ‑시겠습니까 for confirmations, and
//! Anki's current Korean terms where a learner knows them (다시/어려움/알맞음/쉬움, 정답 보기, 새 카드,
//! 실행 취소, 평가 for rating a card, 기억률 for retention, 성숙 카드/어린 카드, 최적화).
//!
//! Terms, one per concept: 노트 (section), 요점 (fact: 사실 means "truth", not a kind of card), 비교표
//! (comparison), 시나리오 (scenario); 검토 표시 (flag); 응답 / 일부 응답 / 미응답 (exam answer states);
//! 소요 시간 (time spent); 합격선 (pass mark). A reason comes before a path, so a narrow status line
//! keeps the reason.

mod commands;
mod keys;
mod screens;

use std::path::Path;

use jiff::SignedDuration;

use super::{
    Catalog, CheckCounts, Notice, ReadinessText, StatsText, Usage, WriteFailure, WriteProblem, paths_line,
};
use crate::core::content::ItemKind;
use crate::core::quiz::{QuizError, ResponseError, Shortfall};
use crate::core::search::Field;
use crate::core::srs::{SessionError, WaitUnit, wait_amount};
use crate::io::deck::DeckSourceError;
use crate::io::log::{LogWarning, WarningKind};

/// The Korean catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Ko;

impl Catalog for Ko {
    fn key_label(&self, label: crate::text::KeyLabel) -> &'static str {
        keys::key_label(label)
    }

    fn key_help_label(&self, label: crate::text::KeyLabel) -> &'static str {
        keys::key_help_label(label)
    }

    fn kind(&self, kind: ItemKind) -> &'static str {
        match kind {
            ItemKind::Section => "노트",
            ItemKind::Fact => "요점",
            ItemKind::Compare => "비교표",
            ItemKind::Scenario => "시나리오",
        }
    }

    /// Korean uses the kind's own name, as in search results and `recall topics`.
    fn tab(&self, kind: ItemKind) -> &'static str {
        self.kind(kind)
    }

    fn field(&self, field: Field) -> &'static str {
        match field {
            Field::Title => "제목",
            Field::Body => "본문",
            Field::Prompt => "질문",
            Field::Answer => "답",
            Field::Detail => "설명",
            Field::Correction => "정정",
            Field::Option(_) => "열 이름",
            Field::Attribute(_) => "비교 항목",
            Field::Value { .. } => "값",
            Field::Choice(_) => "보기",
            Field::Why(_) => "보기 해설",
            Field::Explanation => "해설",
            Field::Topic => "주제",
        }
    }

    fn wait(&self, wait: SignedDuration) -> String {
        let (amount, unit) = wait_amount(wait);
        match unit {
            WaitUnit::UnderMinute => "1분 미만".to_string(),
            WaitUnit::Minutes => format!("{amount}분"),
            WaitUnit::Hours => format!("{amount}시간"),
            WaitUnit::Days => format!("{amount}일"),
            WaitUnit::Months => format!("{amount}개월"),
            WaitUnit::Years => format!("{amount}년"),
        }
    }

    fn session_error(&self, error: &SessionError) -> String {
        match error {
            SessionError::Finished => "학습이 끝났습니다.",
            SessionError::NotRevealed => "평가하기 전에 정답을 먼저 확인하세요.",
            SessionError::WritePending => "직전 답을 아직 저장하는 중입니다.",
            SessionError::NothingPending => "저장을 기다리는 답이 없습니다.",
            SessionError::NothingToUndo => "실행 취소할 평가가 없습니다.",
        }
        .to_string()
    }

    fn quiz_error(&self, error: &QuizError) -> String {
        match error {
            QuizError::ZeroQuestions => "문제 수는 1 이상이어야 합니다.".to_string(),
            QuizError::ZeroMinutes => "시험 시간은 1분 이상이어야 합니다.".to_string(),
            QuizError::TooManyMinutes { minutes, max } => {
                format!("시험 시간은 최대 {max}분입니다({minutes}분은 너무 깁니다).")
            }
            QuizError::UnknownTopic { topic, known } => {
                format!("덱에 `{topic}` 주제가 없습니다. 주제 목록: {}", known.join(", "))
            }
            QuizError::NoScenarios { scope } => {
                format!(
                    "{}에 시나리오가 없어 모의고사를 만들 수 없습니다.",
                    scope_name(scope)
                )
            }
            QuizError::NoQuestions { scope } => format!(
                "{}에 시나리오도 없고 문제를 만들 비교표나 요점 묶음도 없습니다.",
                scope_name(scope)
            ),
            QuizError::Response(e) => response_error(e),
            QuizError::AlreadyAnswered => "이미 답한 문제입니다.".to_string(),
            QuizError::QuizOver => "퀴즈가 끝났습니다.".to_string(),
            QuizError::ExamSubmitted => "이미 제출한 모의고사입니다.".to_string(),
            QuizError::TimeUp => "시험 시간이 끝났습니다.".to_string(),
            QuizError::ExamNotFound { exam } => format!("학습 기록에 `{exam}` 모의고사가 없습니다."),
            QuizError::ExamAlreadyFinished { exam } => format!("`{exam}` 모의고사는 이미 끝났습니다."),
            QuizError::ExamChanged { exam, missing } => format!(
                "`{exam}` 모의고사를 이어서 풀 수 없습니다. 덱에서 없어진 문제: {}",
                missing.join(", ")
            ),
        }
    }

    fn shortfall(&self, s: Shortfall) -> String {
        format!(
            "{}문제를 요청했지만 {}문제만 있어 {}문제를 모두 출제합니다.",
            s.requested, s.available, s.available
        )
    }

    fn notice(&self, notice: &Notice) -> String {
        match notice {
            Notice::NotSaved(f) => format!("저장되지 않음: {}", failure(f)),
            Notice::ExamStartNotSaved(f) => {
                format!("모의고사 시작을 기록하지 못했습니다: {}", failure(f))
            }
            Notice::LanguageNotSaved(f) => format!("언어 설정을 저장하지 못했습니다: {}", failure(f)),
            Notice::Exported(paths) => format!("내보냄: {}", paths_line(paths)),
            Notice::ExportFailed(f) => format!("내보내기 실패: {}", failure(f)),
            Notice::ExportNotMade(_) => "내보내기 실패: 내보낼 내용을 만들지 못했습니다.".to_string(),
            Notice::SkippedLogLines {
                path,
                line,
                torn,
                more,
            } => {
                let what = if *torn {
                    format!("마지막 줄({line}번째)이 잘려 있어")
                } else {
                    format!("{line}번째 줄이 손상되어")
                };
                let more = if *more > 0 {
                    format!("외 {more}건, ")
                } else {
                    String::new()
                };
                format!(
                    "기록 파일의 {what} 건너뛰었습니다({more}파일에는 그대로 남음) — {}",
                    path.display()
                )
            }
            Notice::Shortfall(s) => self.shortfall(*s),
            Notice::StudyLocked { holder } => format!(
                "이 데이터 폴더에서 다른 recall{}이 학습 중입니다. 그 recall에서 학습을 마치거나 종료한 뒤 \
                 다시 시도하세요. 둘러보기·검색·통계는 여기서도 쓸 수 있습니다.",
                holder.map(|pid| format!("(프로세스 {pid})")).unwrap_or_default()
            ),
            Notice::StudyUnguarded(f) => format!(
                "학습 잠금 없이 학습합니다({}). 이 폴더에서 동시에 학습하는 다른 recall을 막지 못합니다.",
                failure(f)
            ),
            Notice::DeviceNotStored(f) => format!(
                "기기 ID를 저장하지 못했습니다({}). 이번 학습 기록은 별도의 기록 파일에 저장됩니다.",
                failure(f)
            ),
        }
    }

    fn list_labels(&self) -> [&'static str; 3] {
        ["질문", "답", "출처"]
    }

    fn topic_counts(&self, sections: usize, facts: usize, compares: usize, scenarios: usize) -> String {
        format!("(노트 {sections}, 요점 {facts}, 비교표 {compares}, 시나리오 {scenarios})")
    }

    fn check_summary(&self, passed: bool, deck: &str, c: CheckCounts) -> String {
        let deck = if deck == "the bundled deck" {
            "내장 덱"
        } else {
            deck
        };
        format!(
            "{} — {deck}: 주제 {}개, 항목 {}개, 오류 {}개, 경고 {}개{}",
            if passed { "통과" } else { "실패" },
            c.topics,
            c.items,
            c.errors,
            c.warnings,
            if c.strict { " (엄격 모드)" } else { "" }
        )
    }

    fn wrote(&self, path: &Path) -> String {
        format!("저장했습니다: {}", path.display())
    }

    fn optimized(&self, reviews: usize, cards: usize, saved_to: &Path) -> String {
        format!(
            "복습 {reviews}회(카드 {cards}장)로 FSRS 매개변수를 최적화했습니다.\n\
             이제부터 학습에 이 값을 사용합니다(저장 위치: {}).",
            saved_to.display()
        )
    }

    fn error_prefix(&self) -> &'static str {
        "오류"
    }

    fn warning_prefix(&self) -> &'static str {
        "경고"
    }

    fn log_warning(&self, w: &LogWarning) -> String {
        self.notice(&Notice::SkippedLogLines {
            path: w.path.clone(),
            line: w.line,
            torn: w.kind == WarningKind::Torn,
            more: 0,
        })
    }

    fn needs_terminal(&self) -> String {
        "화면 인터페이스는 터미널에서만 실행할 수 있습니다. 스크립트에서는 `recall list`, `recall check` \
         또는 `recall --help`를 사용하세요."
            .into()
    }

    fn file_exists(&self, path: &Path) -> String {
        format!(
            "파일이 이미 있습니다. 덮어쓰려면 --force를 지정하세요 — {}",
            path.display()
        )
    }

    fn usage_error(&self, usage: &Usage) -> Option<String> {
        let similar = |kind: &str, suggestion: &Option<String>| {
            suggestion
                .as_ref()
                .map_or(String::new(), |s| format!(" (비슷한 {kind}: '{s}')"))
        };
        Some(match usage {
            Usage::NotAllowed { arg, value, allowed } => {
                format!(
                    "{arg}에 쓸 수 없는 값입니다: '{value}' (가능한 값: {})",
                    allowed.join(", ")
                )
            }
            Usage::Malformed { arg, value } => format!("{arg}의 값 형식이 올바르지 않습니다: '{value}'"),
            Usage::UnknownCommand { name, suggestion } => {
                format!("알 수 없는 명령입니다: '{name}'{}", similar("명령", suggestion))
            }
            Usage::UnknownOption { name, suggestion } => {
                format!("알 수 없는 옵션입니다: '{name}'{}", similar("옵션", suggestion))
            }
            Usage::Missing { args } => format!("필수 인자가 없습니다: {}", args.join(", ")),
            Usage::Unexpected { value } => format!("필요 없는 인자입니다: '{value}'"),
            Usage::Repeated { arg } => format!("{arg}은(는) 한 번만 쓸 수 있습니다."),
            Usage::Conflict { arg, others } => {
                format!("{arg}은(는) {}와(과) 함께 쓸 수 없습니다.", others.join(", "))
            }
            Usage::TooManyValues { arg, value } => {
                format!("{arg}에 값이 너무 많습니다: '{value}'")
            }
            Usage::MissingCommand { name, commands } => format!(
                "'{name}' 다음에 명령이 필요합니다 (가능한 명령: {})",
                commands.join(", ")
            ),
            Usage::NotText => "UTF-8 텍스트가 아닌 인자가 있습니다.".to_string(),
            Usage::NoValue { arg } => format!("{arg}에는 값이 필요합니다."),
        })
    }

    fn usage_help_hint(&self) -> &'static str {
        "자세한 내용은 'recall --help'를 보세요."
    }

    fn csv_only(&self) -> &'static str {
        "--what reviews와 --what exams는 CSV로만 내보낼 수 있습니다(--format csv 사용)."
    }

    fn deck_source_error(&self, error: &DeckSourceError) -> String {
        match error {
            DeckSourceError::NotFound { path } => format!("덱 폴더가 없습니다 — {}", path.display()),
            DeckSourceError::NotADirectory { path } => format!(
                "폴더가 아닙니다. --content에는 주제 파일(*.toml)이 든 폴더를 지정하세요 — {}",
                path.display()
            ),
            DeckSourceError::Unreadable { path, source } => match source.kind() {
                std::io::ErrorKind::PermissionDenied => {
                    format!("권한이 없어 읽을 수 없습니다 — {}", path.display())
                }
                // Other failures are rare; the system's own words say what happened.
                _ => format!("읽을 수 없습니다 ({source}) — {}", path.display()),
            },
            DeckSourceError::Empty { path } => {
                format!("폴더에 주제 파일(*.toml)이 없습니다 — {}", path.display())
            }
        }
    }

    fn deck_invalid(&self, problems: usize) -> String {
        format!("덱에 오류가 {problems}개 있습니다. 자세한 내용은 `recall check`로 확인하세요.")
    }

    fn too_few_reviews(&self, have: usize, need: usize) -> String {
        format!(
            "FSRS 매개변수를 최적화하기에는 복습 기록이 부족합니다: 사용 가능 {have}회, 필요 {need}회(같은 \
             카드를 다른 날 다시 복습한 기록만 셉니다). 더 학습한 뒤 다시 시도하세요."
        )
    }

    fn no_match(&self, query: &str) -> String {
        format!("일치하는 항목이 없습니다: `{query}`")
    }

    fn stats(&self) -> &'static StatsText {
        &STATS
    }

    fn exam(&self) -> &'static crate::text::screens::ExamText {
        &screens::EXAM
    }

    fn home(&self) -> &'static crate::text::screens::HomeText {
        &screens::HOME
    }

    fn study(&self) -> &'static crate::text::screens::StudyText {
        &screens::STUDY
    }

    fn summary(&self) -> &'static crate::text::screens::SummaryText {
        &screens::SUMMARY
    }

    fn quiz(&self) -> &'static crate::text::screens::QuizText {
        &screens::QUIZ
    }

    fn browse(&self) -> &'static crate::text::screens::BrowseText {
        &screens::BROWSE
    }

    fn search(&self) -> &'static crate::text::screens::SearchText {
        &screens::SEARCH
    }

    fn common(&self) -> &'static crate::text::screens::CommonText {
        &screens::COMMON
    }

    fn stats_screen(&self) -> &'static crate::text::screens::StatsScreenText {
        &screens::STATS_SCREEN
    }

    fn readiness(&self) -> &'static ReadinessText {
        &READINESS
    }
}

/// Core names a scope in English ("the deck", "topic `x`"); say it in Korean.
fn scope_name(scope: &str) -> String {
    match scope.strip_prefix("topic ") {
        Some(topic) => format!("주제 {topic}"),
        None => "덱".to_string(),
    }
}

fn response_error(error: &ResponseError) -> String {
    match error {
        ResponseError::OutOfRange { index, count } => {
            format!("{index}번 보기는 없습니다. 이 문제의 보기는 {count}개입니다.")
        }
        ResponseError::TooMany { choose, given } => {
            format!("이 문제는 답을 {choose}개 고르는데 {given}개를 골랐습니다.")
        }
        ResponseError::Empty => "먼저 답을 고르세요.".to_string(),
    }
}

/// The reason first and the path last, so a narrow status line still shows the reason.
fn failure(f: &WriteFailure) -> String {
    let reason = match f.problem {
        WriteProblem::ReadOnly => "파일에 쓸 수 없습니다(읽기 전용이거나 권한 없음)",
        WriteProblem::DiskFull => "디스크가 가득 찼습니다",
        WriteProblem::Exists => "파일이 이미 있습니다",
        WriteProblem::Other => "파일에 접근할 수 없습니다",
    };
    format!("{reason} — {}", f.path.display())
}

static READINESS: ReadinessText = ReadinessText {
    title: "모의고사 준비도 (내일 시험을 본다면)",
    overall: |s, lo, hi, pass| format!("예상 점수 {s}점 (10번 중 8번은 {lo}–{hi}점) · 합격 가능성 {pass}%"),
    not_yet: |measured, of| {
        format!(
            "아직 예측할 수 없습니다. 먼저 모든 주제를 학습하세요 (기록이 충분한 주제 {measured}/{of}개)."
        )
    },
    basis: |seen, total, reviews, answers| {
        format!(
            "근거: 학습한 시나리오 {seen}/{total}개를 내일 기억할 확률(FSRS, 최근 복습 {reviews}회에 맞춤), 퀴즈·모의고사 답 {answers}개, 새 시나리오를 처음 보고 맞힌 비율."
        )
    },
    topic: |s, lo, hi| format!("{s}점 ({lo}–{hi})"),
    topic_none: |seen, total| format!("— (시나리오 {seen}/{total}개 학습)"),
    home: |s, lo, hi, pass| format!("내일 시험 예상 {s}점 ({lo}–{hi}) · 합격 가능성 {pass}%"),
    home_none: "모의고사 준비도: 아직 기록이 부족합니다",
    practice: "약점 연습",
    moved: |before, after| format!("예상 모의고사 점수: {before} → {after}점"),
};

static STATS: StatsText = StatsText {
    title: |date| format!("{date} 통계"),
    empty: |new| {
        format!(
            "아직 복습 기록이 없습니다. recall을 열고 홈에서 s를 눌러 학습하세요. 첫 복습을 마치면 \
             여기에 통계가 표시됩니다.\n\n카드: 새 카드 {new}장."
        )
    },
    reviews: |total, days, today| format!("복습          {total}회 (학습한 날 {days}일, 오늘 {today}회)"),
    time: |h, m| {
        if h == 0 {
            format!("학습 시간     {m}분")
        } else {
            format!("학습 시간     {h}시간 {m}분")
        }
    },
    streak: |current, longest| format!("연속 학습     {current}일 (최고 {longest}일)"),
    cards: |total, new, learning, young, mature| {
        format!(
            "카드          {total}장: 새 카드 {new}, 학습 중 {learning}, 어린 카드 {young}, 성숙 카드 {mature}"
        )
    },
    retention: |mature, young| format!("기억률        성숙 카드 {mature} · 어린 카드 {young}"),
    topic_headers: [
        "주제",
        "새 카드",
        "학습 중",
        "어린 카드",
        "성숙 카드",
        "기억률(성숙 카드)",
    ],
    forecast: |days, total| format!("앞으로 {days}일간 복습 예정: {total}장"),
    today_note: " (오늘, 밀린 복습 포함)",
    days: "일별 복습 (최근 학습한 날)",
    no_exams: "모의고사 기록 없음 (홈에서 e를 눌러 응시하세요).",
    exams: |pass| format!("모의고사 (합격선 {pass})"),
    verdicts: ["합격", "불합격"],
};
