# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_recall_global_optspecs
    string join \n content= data-dir= lang= h/help V/version
end

function __fish_recall_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_recall_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_recall_using_subcommand
    set -l cmd (__fish_recall_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c recall -n "__fish_recall_needs_command" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_needs_command" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_needs_command" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_needs_command" -s V -l version -d 'Print version'
complete -c recall -n "__fish_recall_needs_command" -f -a "check" -d 'Validate a deck and print every problem as path:line:col: error: message'
complete -c recall -n "__fish_recall_needs_command" -f -a "list" -d 'Print every item of the deck: id, kind, topic, prompt and answer or choices, source'
complete -c recall -n "__fish_recall_needs_command" -f -a "study" -d 'Study flashcards (facts and scenarios) scheduled by FSRS'
complete -c recall -n "__fish_recall_needs_command" -f -a "quiz" -d 'Practice quiz: scenario and generated questions with an explanation for every choice'
complete -c recall -n "__fish_recall_needs_command" -f -a "exam" -d 'Mock exam: timed, flag for review, scaled score with a pass mark of 720'
complete -c recall -n "__fish_recall_needs_command" -f -a "browse" -d 'Open the interface on the topic list, or on one topic'
complete -c recall -n "__fish_recall_needs_command" -f -a "optimize" -d 'Fit personal FSRS scheduling parameters to your review history and save them in config.toml'
complete -c recall -n "__fish_recall_needs_command" -f -a "stats" -d 'Show what you have studied: reviews per day, cards due in the next 30 days, retention and card counts per topic, streak, time studied and mock exam scores'
complete -c recall -n "__fish_recall_needs_command" -f -a "export" -d 'Export your progress: cards as CSV, everything as JSON, the deck as an Anki import file, or deck and schedule as an Anki package'
complete -c recall -n "__fish_recall_needs_command" -f -a "import" -d 'Bring notes (and, from a package, their review history) in from another program as recall topic files'
complete -c recall -n "__fish_recall_needs_command" -f -a "search" -d 'Fuzzy-search every text of the deck, in both languages, and print the best matches'
complete -c recall -n "__fish_recall_needs_command" -f -a "topics" -d 'Print the deck\'s topics with their item counts'
complete -c recall -n "__fish_recall_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c recall -n "__fish_recall_using_subcommand check" -l stale -d 'Also warn about facts and scenarios whose `checked` month is more than MONTHS months ago, or absent' -r
complete -c recall -n "__fish_recall_using_subcommand check" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand check" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand check" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand check" -l strict -d 'Treat warnings (such as a missing translation) as errors'
complete -c recall -n "__fish_recall_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand list" -l topic -d 'Only this topic (its id)' -r
complete -c recall -n "__fish_recall_using_subcommand list" -l format -d 'Output format' -r -f -a "text\t'Human-readable text'
json\t'Machine-readable JSON'"
complete -c recall -n "__fish_recall_using_subcommand list" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand list" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand list" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand study" -l topic -d 'Only this topic' -r
complete -c recall -n "__fish_recall_using_subcommand study" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand study" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand study" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand study" -l cram -d 'Study every card of the scope now, ignoring due dates; does not change the schedule'
complete -c recall -n "__fish_recall_using_subcommand study" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand quiz" -l topic -d 'Only this topic' -r
complete -c recall -n "__fish_recall_using_subcommand quiz" -s n -l questions -d 'Number of questions' -r
complete -c recall -n "__fish_recall_using_subcommand quiz" -l seed -d 'Seed for the draw and the choice order (repeatable quizzes)' -r
complete -c recall -n "__fish_recall_using_subcommand quiz" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand quiz" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand quiz" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand quiz" -l weak -d 'Scenarios you are least likely to answer right (weak spots), instead of a random draw'
complete -c recall -n "__fish_recall_using_subcommand quiz" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand exam" -l questions -d 'Number of questions' -r
complete -c recall -n "__fish_recall_using_subcommand exam" -l minutes -d 'Time allowed in minutes' -r
complete -c recall -n "__fish_recall_using_subcommand exam" -l topic -d 'Only this topic' -r
complete -c recall -n "__fish_recall_using_subcommand exam" -l seed -d 'Seed for the draw and the choice order' -r
complete -c recall -n "__fish_recall_using_subcommand exam" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand exam" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand exam" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand exam" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand browse" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand browse" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand browse" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand browse" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand optimize" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand optimize" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand optimize" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand optimize" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand stats" -l format -d 'Output format' -r -f -a "text\t'Human-readable text'
json\t'Machine-readable JSON'"
complete -c recall -n "__fish_recall_using_subcommand stats" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand stats" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand stats" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand export" -l format -d 'File format' -r -f -a "csv\t'One CSV row per card (or per review / exam with `--what`)'
json\t'One JSON document with everything (see README for the schema)'
anki\t'A tab-separated file for Anki\'s File → Import'
apkg\t'An Anki package (.apkg) with each card\'s schedule, memory state and review history (needs --output)'"
complete -c recall -n "__fish_recall_using_subcommand export" -l what -d 'What to export; reviews and exams are CSV only' -r -f -a "cards\t'Every card with its state'
reviews\t'Every review (CSV only)'
exams\t'Every mock exam (CSV only)'"
complete -c recall -n "__fish_recall_using_subcommand export" -s o -l output -d 'Write to this file instead of standard output (`-` is standard output)' -r -F
complete -c recall -n "__fish_recall_using_subcommand export" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand export" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand export" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand export" -l force -d 'Replace the output file if it exists'
complete -c recall -n "__fish_recall_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -f -a "anki" -d 'Convert an Anki package (.apkg, .colpkg) or plain-text export (.txt) into topic files, one per deck'
complete -c recall -n "__fish_recall_using_subcommand import; and not __fish_seen_subcommand_from anki help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -s o -l output -d 'Where to write: a file for one topic (`-` is standard output), a folder for several [default: <FILE\'s name>.toml, or the folder <FILE\'s name>, here]' -r -F
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -l source -d 'The source link every fact cites (the deck format requires one)' -r
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -l force -d 'Replace existing topic files'
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from anki" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "anki" -d 'Convert an Anki package (.apkg, .colpkg) or plain-text export (.txt) into topic files, one per deck'
complete -c recall -n "__fish_recall_using_subcommand import; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c recall -n "__fish_recall_using_subcommand search" -l format -d 'Output format' -r -f -a "text\t'Human-readable text'
json\t'Machine-readable JSON'"
complete -c recall -n "__fish_recall_using_subcommand search" -s n -l limit -d 'The most results to print (one per item, best first)' -r
complete -c recall -n "__fish_recall_using_subcommand search" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand search" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand search" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand search" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand topics" -l format -d 'Output format' -r -f -a "text\t'Human-readable text'
json\t'Machine-readable JSON'"
complete -c recall -n "__fish_recall_using_subcommand topics" -l content -d 'Load the deck from this folder of *.toml topic files instead of the bundled deck' -r -F
complete -c recall -n "__fish_recall_using_subcommand topics" -l data-dir -d 'Keep progress and settings in this folder instead of the platform\'s data directory' -r -F
complete -c recall -n "__fish_recall_using_subcommand topics" -l lang -d 'Language of deck text and messages' -r -f -a "en\t'English'
ko\t'Korean'"
complete -c recall -n "__fish_recall_using_subcommand topics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "check" -d 'Validate a deck and print every problem as path:line:col: error: message'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "list" -d 'Print every item of the deck: id, kind, topic, prompt and answer or choices, source'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "study" -d 'Study flashcards (facts and scenarios) scheduled by FSRS'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "quiz" -d 'Practice quiz: scenario and generated questions with an explanation for every choice'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "exam" -d 'Mock exam: timed, flag for review, scaled score with a pass mark of 720'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "browse" -d 'Open the interface on the topic list, or on one topic'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "optimize" -d 'Fit personal FSRS scheduling parameters to your review history and save them in config.toml'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "stats" -d 'Show what you have studied: reviews per day, cards due in the next 30 days, retention and card counts per topic, streak, time studied and mock exam scores'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "export" -d 'Export your progress: cards as CSV, everything as JSON, the deck as an Anki import file, or deck and schedule as an Anki package'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "import" -d 'Bring notes (and, from a package, their review history) in from another program as recall topic files'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "search" -d 'Fuzzy-search every text of the deck, in both languages, and print the best matches'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "topics" -d 'Print the deck\'s topics with their item counts'
complete -c recall -n "__fish_recall_using_subcommand help; and not __fish_seen_subcommand_from check list study quiz exam browse optimize stats export import search topics help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c recall -n "__fish_recall_using_subcommand help; and __fish_seen_subcommand_from import" -f -a "anki" -d 'Convert an Anki package (.apkg, .colpkg) or plain-text export (.txt) into topic files, one per deck'
