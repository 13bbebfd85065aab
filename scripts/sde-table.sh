#!/bin/bash
# Gathers `attractor-cli sde eval --csv` files (one model, one training seed each) into the
# robustness table's long CSV form (model,corruption,seed,accuracy,n; the SDE lab's Analysis tab
# loads it and shows mean ± std per cell), or with --markdown into a Markdown table of
# mean ± sample std in percent (the form of docs/models/sde-classifier.md).
#
#   scripts/sde-table.sh [--markdown] MODEL:SEED:eval.csv ...
#
# MODEL is a name without commas or colons (eps0, eps005, eps01, gtrained, ...), SEED the training
# seed. Rows keep the order of the arguments; columns the order of the first file.
set -euo pipefail
markdown=0
if [ "${1:-}" = "--markdown" ]; then markdown=1; shift; fi
if [ $# -eq 0 ]; then
    echo "usage: $0 [--markdown] MODEL:SEED:eval.csv ..." >&2
    exit 2
fi
long=$(
    echo "model,corruption,seed,accuracy,n"
    for arg in "$@"; do
        IFS=: read -r model seed file <<<"$arg"
        if [ -z "$model" ] || [ -z "$seed" ] || [ -z "$file" ]; then
            echo "$0: '$arg' is not MODEL:SEED:FILE" >&2
            exit 2
        fi
        if [ ! -r "$file" ]; then
            echo "$0: $file: cannot be read" >&2
            exit 2
        fi
        if [ "$(head -n 1 "$file")" != "corruption,label,accuracy,n_test" ]; then
            echo "$0: $file: not an 'attractor-cli sde eval --csv' file (header)" >&2
            exit 2
        fi
        # corruption,"label",accuracy,n_test: the label is quoted and has no commas.
        tail -n +2 "$file" | awk -F, -v m="$model" -v s="$seed" -v f="$file" '
            NF != 4 { printf "%s: line %d has %d fields, expected 4\n", f, NR + 1, NF > "/dev/stderr"; exit 2 }
            { print m "," $1 "," s "," $3 "," $4 }'
    done
)
if [ $markdown -eq 0 ]; then
    echo "$long"
    exit 0
fi
echo "$long" | awk -F, '
    NR == 1 { next }
    {
        key = $1 SUBSEP $2
        if (!($1 in seenModel)) { seenModel[$1] = 1; models[++nm] = $1 }
        if (!($2 in seenCol)) { seenCol[$2] = 1; cols[++nc] = $2 }
        n[key]++; s[key] += 100 * $4; s2[key] += (100 * $4) ^ 2
        if (n[key] > runs[$1]) runs[$1] = n[key]
    }
    END {
        line = "| model (runs) |"; sep = "|---|"
        for (c = 1; c <= nc; c++) { line = line " " cols[c] " |"; sep = sep "---|" }
        print line; print sep
        for (i = 1; i <= nm; i++) {
            m = models[i]; line = "| " m " (" runs[m] ") |"
            for (c = 1; c <= nc; c++) {
                key = m SUBSEP cols[c]
                if (!(key in n)) { line = line " |"; continue }
                mean = s[key] / n[key]
                var = n[key] > 1 ? (s2[key] - n[key] * mean * mean) / (n[key] - 1) : 0
                if (var < 0) var = 0
                line = line sprintf(n[key] > 1 ? " %.2f ± %.2f |" : " %.2f |", mean, sqrt(var))
            }
            print line
        }
    }'
