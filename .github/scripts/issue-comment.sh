#!/usr/bin/env bash
# Keeps one comment of the workflow "example from issue" on an issue: finds the
# comment that github-actions[bot] wrote with the marker line of `romkb
# from-issue`'s report (romkb/from_issue.py: COMMENT_MARKER) and replaces its
# text with the new report; without one, writes a new comment, unless
# --update-only is given. Needs GH_TOKEN, GH_REPO and ISSUE in the environment.
#   usage: issue-comment.sh REPORT [--update-only]
set -euo pipefail
report=$1
mode=${2:-}
marker='<!-- romkb-from-issue -->'
# sed, not head: head would stop reading and make gh fail on a closed pipe.
comment=$(gh api --paginate "repos/$GH_REPO/issues/$ISSUE/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\"))) | .id" | sed -n 1p)
if [ -n "$comment" ]; then
  gh api --method PATCH "repos/$GH_REPO/issues/comments/$comment" -F "body=@$report" >/dev/null
elif [ "$mode" != "--update-only" ]; then
  gh issue comment "$ISSUE" --body-file "$report"
fi
