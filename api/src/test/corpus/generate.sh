#!/usr/bin/env bash
# Rebuilds the Word and PDF forms of the measures-report corpus (api/src/test/resources/corpus/measures) and of the
# ITA analysis corpus (api/src/test/resources/corpus/analysis) from their text forms, and the negative PDFs. Needs chromium (headless) and the Sarabun fonts (fetched like the reports' fonts).
#   api/src/test/corpus/generate.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)"
CORPUS="$ROOT/api/src/test/resources/corpus/measures"
ANALYSIS="$ROOT/api/src/test/resources/corpus/analysis"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
FONTS="$(mktemp -d)"; trap 'rm -rf "$FONTS"' EXIT
"$ROOT/reporting/src/build/fetch-fonts.sh" "$FONTS" >/dev/null
cd "$ROOT"
mvn -B -ntp -q -pl api -am test-compile dependency:build-classpath -Dmdep.outputFile="$FONTS/cp.txt" -Dmdep.includeScope=test
CP="$ROOT/api/target/test-classes:$ROOT/api/target/classes:$(cat "$FONTS/cp.txt")"
"$JAVA_HOME/bin/java" -cp "$CP" org.itaoversight.api.documents.CorpusGenerator forms "$CORPUS" "$FONTS"
"$JAVA_HOME/bin/java" -cp "$CP" org.itaoversight.api.documents.CorpusGenerator forms "$ANALYSIS" "$FONTS"
for html in "$CORPUS"/*.html "$ANALYSIS"/*.html; do
  chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf="${html%.html}.pdf" "file://$html" 2>/dev/null
  rm -f "$html"
done
"$JAVA_HOME/bin/java" -cp "$CP" org.itaoversight.api.documents.CorpusGenerator negatives "$CORPUS/01-sentence-headers.pdf" "$CORPUS/negative"
"$JAVA_HOME/bin/java" -cp "$CP" org.itaoversight.api.documents.CorpusGenerator private-use "$CORPUS" "$FONTS"
# Forms the generator cannot make, kept as made: a table nested in a frame table and its PDF exported by LibreOffice
# (marks drawn with their own advance), a table inside a Word text box.
git -C "$ROOT" checkout -- api/src/test/resources/corpus/measures/22-nested-table-frame.docx \
  api/src/test/resources/corpus/measures/22-nested-table-frame.pdf api/src/test/resources/corpus/measures/23-text-box-table.docx
echo "corpus rebuilt in $CORPUS and $ANALYSIS"
