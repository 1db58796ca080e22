//! Korean names of the keys' actions (see [`crate::text::keys`]).

use crate::text::keys::KeyLabel;

/// The footer's and help's name for `label`.
pub(super) fn key_label(label: KeyLabel) -> &'static str {
    match label {
        KeyLabel::MoveUp => "위로 이동",
        KeyLabel::MoveDown => "아래로 이동",
        KeyLabel::PreviousResult => "이전 결과",
        KeyLabel::NextResult => "다음 결과",
        KeyLabel::ScrollUp => "위로 스크롤",
        KeyLabel::ScrollDown => "아래로 스크롤",
        KeyLabel::Previous => "이전",
        KeyLabel::Next => "다음",
        KeyLabel::NextItem => "다음 항목",
        KeyLabel::PreviousItem => "이전 항목",
        KeyLabel::CursorLeft => "커서 왼쪽으로",
        KeyLabel::CursorRight => "커서 오른쪽으로",
        KeyLabel::DeleteACharacter => "글자 지우기",
        KeyLabel::DeleteAWord => "단어 지우기",
        KeyLabel::ClearTheQuery => "검색어 지우기",
        KeyLabel::PageUp => "한 페이지 위로",
        KeyLabel::PageDown => "한 페이지 아래로",
        KeyLabel::First => "맨 위로",
        KeyLabel::Last => "맨 아래로",
        KeyLabel::Open => "열기",
        KeyLabel::AnswerOrNext => "답 제출 / 다음",
        KeyLabel::SubmitTheExam => "모의고사 제출",
        KeyLabel::Stats => "통계",
        KeyLabel::StudyTopic => "주제 학습",
        KeyLabel::StudyAll => "전체 학습",
        KeyLabel::CramAgain => "다시 벼락치기",
        KeyLabel::CramEveryCard => "모든 카드 벼락치기",
        KeyLabel::TenMoreNew => "새 카드 10장 더",
        KeyLabel::QuizTopic => "주제 퀴즈",
        KeyLabel::PracticeWeakSpots => "약점 연습",
        KeyLabel::QuizAllTopics => "전체 주제 퀴즈",
        KeyLabel::Exam => "모의고사",
        KeyLabel::ContinueInterruptedExam => "중단된 모의고사 이어서 풀기",
        KeyLabel::ContinueIt => "이어서 풀기",
        KeyLabel::DiscardAndStartNew => "포기하고 새 모의고사 시작",
        KeyLabel::Browse => "둘러보기",
        KeyLabel::ShowAnswer => "정답 보기",
        KeyLabel::Answer => "답하기",
        KeyLabel::GradeSuggested => "▸ 추천대로",
        KeyLabel::Again => "다시",
        KeyLabel::Hard => "어려움",
        KeyLabel::Good => "알맞음",
        KeyLabel::Easy => "쉬움",
        KeyLabel::Undo => "실행 취소",
        KeyLabel::Choose => "선택",
        KeyLabel::ChooseByLetter => "글자로 선택",
        KeyLabel::QuitKeepingExam => "종료 (모의고사는 보관됨)",
        KeyLabel::Flag => "검토 표시",
        KeyLabel::ReviewList => "목록",
        KeyLabel::Submit => "제출",
        KeyLabel::Export => "내보내기",
        KeyLabel::Search => "검색",
        KeyLabel::Language => "English/한국어",
        KeyLabel::Help => "도움말",
        KeyLabel::Back => "뒤로",
        KeyLabel::Quit => "종료",
    }
}

/// Help has room for the words a narrow footer leaves out: the exam footer's `목록` is `검토 목록` there, and
/// `▸ 추천대로` is `추천대로 평가 (▸)`.
pub(super) fn key_help_label(label: KeyLabel) -> &'static str {
    match label {
        KeyLabel::ReviewList => "검토 목록",
        KeyLabel::GradeSuggested => "추천대로 평가 (▸)",
        other => key_label(other),
    }
}
