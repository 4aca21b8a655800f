package org.itaoversight.api.documents;

import java.nio.file.Files;
import java.nio.file.Path;

/** Prints what the document reader makes of a file, line by line (a tool for looking at new layouts). */
public final class DumpDocument {

    private DumpDocument() {
    }

    public static void main(String[] args) throws Exception {
        DocumentContent content = new DocumentReader().read(args[0], Files.readAllBytes(Path.of(args[0])));
        System.out.println(content.format() + " " + content.encoding() + " pages " + content.pages() + " notes " + content.notes());
        for (DocumentLine line : content.lines()) {
            System.out.println(line.number() + " [" + line.where() + " t" + line.table() + (line.afterPageBreak() ? " BREAK" : "") + "] "
                    + String.join(" ⇥ ", line.cells().stream().map(c -> c.replace("\n", "⏎")).toList()));
        }
    }
}
