//! Korean words of the screens (see `crate::text::screens`).

use crate::text::screens::{
    BrowseText, CommonText, ExamText, HomeText, QuizText, SearchText, StatsScreenText, StudyText, SummaryText,
};

/// The exam screen.
pub static EXAM: ExamText = ExamText {
    title: "모의고사",
    quit_question: |left| {
        format!(
            "recall을 종료하시겠습니까?\n\n모의고사는 {left} 남은 상태로 보관되며, 홈에서 c로 이어서 풀 수 \
             있습니다. recall이 닫혀 있는 동안에는 시간이 흐르지 않습니다.\n\ny 또는 q: 종료    Esc: 모의고사로 돌아가기"
        )
    },
    header: |n, total, left, answered, flagged| {
        format!(" {n}/{total} · ⏱ 남은 시간 {left} · 응답 {answered} · 검토 표시 {flagged} ")
    },
    flagged: "⚑ 검토 표시됨",
    states: ["응답      ", "일부 응답 ", "미응답    "],
    review_title: " 검토 — Enter: 문제로 이동 · S: 제출 · Esc: 뒤로 ",
    review_rows: |at, total, first, last| format!(" {at}/{total} · {first}–{last}행 · PgUp PgDn Home End "),
    // No-break spaces keep each label with its count when a narrow box wraps the line (K99).
    confirm: |answered, unanswered, flagged, left| {
        format!(
            "지금 제출하시겠습니까?\n\n응답\u{a0}{answered}문제 · 미응답\u{a0}{unanswered}문제 · \
             검토\u{a0}표시\u{a0}{flagged}문제 · 남은\u{a0}시간\u{a0}{left}\n\nEnter: 제출    Esc: 계속 풀기"
        )
    },
    result_question: |n, total| format!("── 문제 {n}/{total} (←/→) ──"),
    result_title: " 모의고사 결과 ",
    verdicts: ["합격", "불합격"],
    pass_mark: |mark| format!("  (합격선 {mark})"),
    scale_note: "환산 점수는 AWS 채점 방식을 선형으로 근사한 값입니다(100 + 900 × 정답 수 ÷ 전체 문제 수).",
    result_counts: |right, total, used, limit, timed_out| {
        format!(
            "{total}문제 중 {right}문제 정답 · 소요 시간 {used} / {limit}{}",
            if timed_out { " (시간 종료)" } else { "" }
        )
    },
};

/// The home screen.
pub static HOME: HomeText = HomeText {
    title: "홈",
    row: |due, new| format!("복습 {due:>3} · 새 {new:>2} · "),
    heading: |due, new| format!(" 주제 — 오늘 복습 예정 {due} · 새 카드 {new} (일일 한도 공통) "),
    start: " 시작 ",
    study: |topic, due, new| format!("{topic} 학습: 복습 예정 {due} · 새 카드 {new}"),
    study_all: |due, new| format!("전체 주제 학습: 복습 예정 {due} · 새 카드 {new}"),
    quiz: |topic| format!("{topic} 퀴즈 (10문제) · Z 전체 주제"),
    exam: |questions, minutes| format!("모의고사 ({questions}문제, {minutes}분)"),
    browse: "선택한 주제 둘러보기 · b 모든 주제 · / 검색",
    resume: |left| format!("중단된 모의고사 이어서 풀기 ({left} 남음)"),
    // 중단 names the exam that can be continued; throwing it away is 포기 (K87).
    open_exam: (
        "아직 끝나지 않은 모의고사가 있습니다. 어떻게 하시겠습니까?",
        |left| format!("이어서 풀기 ({left} 남음)"),
        "이 모의고사는 포기하고 새로 시작 (포기로 기록됨)",
        "취소",
    ),
};

/// `1–4 / a–d` as Korean says it: 번호(1–4)나 글자(a–d).
fn korean_keys(keys: &str) -> String {
    match keys.split_once(" / ") {
        Some((digits, letters)) => format!("번호({digits})나 글자({letters})"),
        None => keys.to_string(),
    }
}

/// The study screen: the quiz's wording for choosing (K79), 정답 보기 as Anki ko says it (K82).
pub static STUDY: StudyText = StudyText {
    title: ["학습", "학습 (벼락치기: 일정 변경 없음)"],
    remaining: |due, learning, new| format!(" 복습 {due} · 학습 중 {learning} · 새 카드 {new} "),
    pick_first: |choose, _| match choose {
        1 => "먼저 답을 고르세요.".to_string(),
        n => format!("먼저 답을 {n}개 고르세요."),
    },
    reveal: |key| format!("{key}: 정답 보기"),
    choose: |keys| format!("{}로 고른 뒤 Enter를 눌러 답하세요.", korean_keys(keys)),
    grades: ["다시", "어려움", "알맞음", "쉬움"],
    // Not the code's "scope" (범위): a topic, or everything (K88).
    nothing_left: [
        "이 주제에는 오늘 더 학습할 카드가 없습니다.",
        "오늘 더 학습할 카드가 없습니다.",
    ],
    correction: "정정: ",
    phases: ["새 카드", "학습 중", "복습", "재학습"],
};

/// The end of a study session; with nothing studied it says so, not "finished" (K09).
pub static SUMMARY: SummaryText = SummaryText {
    titles: [" 학습 ", " 학습 완료 "],
    headlines: ["지금 학습할 카드가 없습니다.", "지금 복습할 카드가 더 없습니다."],
    counts: |cards, reviews, time| format!("카드 {cards}장 · 복습 {reviews}회 · 소요 시간 {time}"),
    by_grade: |again, hard, good, easy| format!("다시 {again} · 어려움 {hard} · 알맞음 {good} · 쉬움 {easy}"),
    retention: |pct, correct, reviews| {
        format!("이번 학습의 기억률: {pct}% (복습 {reviews}회 중 '다시'를 누르지 않은 응답 {correct}회)")
    },
    next_due: |wait| format!("다음 카드는 {wait} 후에 복습합니다."),
    none_scheduled: "아직 예정된 카드가 없습니다.",
    tomorrow: |due, new| format!("내일: 복습할 카드 {due}장 · 새 카드 {new}장"),
    scopes: ["이 주제의 모든 카드", "전체 주제의 모든 카드"],
    cram_note: "(일정 변경 없음)",
    cram_these: |n, note| format!("방금 학습한 카드 {n}장 다시 벼락치기 {note}"),
    cram_scope: |scope, note| format!("{scope} 벼락치기 {note}"),
    more_new: |n| format!("오늘 새 카드 {n}장 더 학습"),
    back: "홈으로",
    over_limit: |limit, waiting, more| {
        format!(
            "오늘의 새 카드 한도 {limit}장을 다 썼습니다. 새 카드 {waiting}장이 남아 있습니다(n으로 오늘 {more}장 추가)."
        )
    },
    held_back: |n| format!("새 카드 {n}장은 관련 카드를 오늘 학습했으므로 다른 날 나옵니다."),
};

/// The quiz screen: choosing is worded as in study (K79).
pub static QUIZ: QuizText = QuizText {
    title: "퀴즈",
    pick_first: STUDY.pick_first,
    choose: STUDY.choose,
    question_title: |n, total, right, answered| format!(" 문제 {n}/{total} · 정답 {right}/{answered} "),
    finished_title: " 퀴즈 완료 — Enter 또는 Esc로 나가기 ",
    missed: |n| format!("틀린 문제 ({n}개):"),
    score: |right, total, pct, skipped| {
        format!("{total}문제 중 {right}문제 정답({pct}%) · 건너뛴 문제 {skipped}개")
    },
};

/// The browse screen.
pub static BROWSE: BrowseText = BrowseText {
    title: "둘러보기",
    empty: [
        "이 주제에는 노트가 없습니다.",
        "이 주제에는 요점이 없습니다.",
        "이 주제에는 비교표가 없습니다.",
        "이 주제에는 시나리오가 없습니다.",
    ],
    headers: ["질문", "답"],
    correction: "정정: ",
    more: " ↓ 더 있음 (PgDn) ",
    reveal: "정답을 보려면 a 키를 누르세요.",
    choose: |n| format!(" · 정답 {n}개"),
};

/// The search screen; the empty box says what search covers, short enough for 60 columns (K90).
pub static SEARCH: SearchText = SearchText {
    title: "검색",
    prompt: " 검색 (한·영 단어 검색, 초성 가능: ㅅㅂㄹㅅ → 서버리스) ",
    states: [
        " 색인 중… ",
        " 노트·요점·비교표·시나리오 전체에서 찾습니다 ",
        " 검색 중… ",
        " 일치하는 항목 없음 ",
    ],
    results: [|n| format!(" 결과 {n}개 "), |n| format!(" 결과 {n}개 이상 ")],
};

/// The shared widgets.
pub static COMMON: CommonText = CommonText {
    help_title: " 단축키 (Esc: 닫기) ",
    more: " ↓ 더 있음 ",
    too_small: |w, h, now_w, now_h| format!("창을 더 크게 해 주세요 (최소 {w}×{h}, 현재 {now_w}×{now_h})"),
    lang_tag: "한국어",
    choose_note: |n| format!("(답 {n}개를 고르세요.)"),
    verdicts: ["정답입니다.", "답하지 않았습니다.", "오답입니다."],
    month: |m| format!("{m}월"),
    weekdays: ["월", "수", "금"],
};

/// The stats screen: 기억률 and 성숙 카드 as Anki ko says them (K83, K84), counts with their unit (K85),
/// dates as `11/6` (K53).
pub static STATS_SCREEN: StatsScreenText = StatsScreenText {
    title: "통계",
    scroll: |arrow, from, to, height| format!(" {arrow} {from}–{to}/{height} · ↑↓ PgUp PgDn 스크롤"),
    empty: [
        "아직 복습 기록이 없습니다. 홈에서 s를 눌러 학습을 시작하세요.",
        "첫 복습을 마치면 이 화면에 일별 복습, 앞으로 30일 동안 복습할 카드, 연속 학습일과 학습 시간, \
         주제별 기억률, 모의고사 점수가 표시됩니다. 모의고사는 홈에서 e를 눌러 응시할 수 있습니다.",
    ],
    empty_deck: |cards, topics| format!("덱: 주제 {topics}개, 카드 {cards}장 (모두 새 카드)"),
    heatmap: "일별 복습",
    summary: "요약",
    summary_rows: |f| {
        vec![
            ("연속 학습", format!("{}일 · 최고 {}일", f.streak, f.longest)),
            ("복습", format!("오늘 {}회", f.today)),
            ("", format!("총 {}회", f.reviews)),
            ("학습한 날", format!("{}일", f.days)),
            (
                "학습 시간",
                if f.hours == 0 {
                    format!("{}분", f.minutes)
                } else {
                    format!("{}시간 {}분", f.hours, f.minutes)
                },
            ),
            ("기억률", format!("성숙 카드 {}", f.mature)),
            ("", format!("어린 카드 {}", f.young)),
        ]
    },
    reviews_unit: "회",
    forecast: |days, total, today| format!(" 앞으로 {days}일간 복습 예정 {total}장 · 오늘 {today}장 "),
    nothing_due: "예정된 복습이 없습니다.",
    today: "오늘",
    exams: |pass| format!(" 모의고사 (합격선 {pass}) "),
    no_exams: "아직 모의고사 기록이 없습니다. 홈에서 e를 눌러 응시하세요.",
    verdicts: ["합격", "불합격"],
    last: |score, verdict| format!("· 최근 {score}점 {verdict} "),
    chart_day: |month, day| format!("{month}/{day}"),
    bar_day: |month, day| format!("{:>5}", format!("{month}/{day}")),
    legend: |pass| format!("┃ 합격선 {pass} · 점수 범위 100–1000"),
    topics: ["주제", "주제", "전체"],
    // The stages as nouns (어린 카드, 성숙 카드) make the Korean columns wider.
    headers: [
        ("새 카드", 8),
        ("학습 중", 9),
        ("어린 카드", 10),
        ("성숙 카드", 10),
        ("기억률", 13),
    ],
    note: "기억률: 성숙 카드(간격 21일 이상) 복습 중 '다시'를 누르지 않은 비율",
};
