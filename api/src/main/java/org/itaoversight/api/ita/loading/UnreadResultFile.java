package org.itaoversight.api.ita.loading;

import java.util.Optional;

/**
 * A result file not read yet — an upload spooled to disk, a file of the command line — with the reader that will
 * read and check it: read whole ({@link #read()}), or read with its question scores going to a sink as they are
 * accepted ({@link #read(QuestionScoreSink)}), which is how the loader overlaps reading with inserting.
 */
public final class UnreadResultFile {

    private final ResultFileReader reader;
    private final String fileName;
    private final ResultFileReader.Content content;
    private final String sha256;

    UnreadResultFile(ResultFileReader reader, String fileName, ResultFileReader.Content content, String sha256) {
        this.reader = reader;
        this.fileName = fileName;
        this.content = content;
        this.sha256 = sha256;
    }

    public String fileName() {
        return fileName;
    }

    public String sha256() {
        return sha256;
    }

    /** Reads and checks the whole file, keeping its rows. */
    public ResultFile read() {
        return reader.read(fileName, content, sha256, Optional.empty());
    }

    /**
     * Reads and checks the file; the accepted question scores of a long file go to {@code sink} as they are read (until
     * the first problem) and are not kept. A wide file's rows are kept as by {@link #read()}.
     */
    public ResultFile read(QuestionScoreSink sink) {
        return reader.read(fileName, content, sha256, Optional.of(sink));
    }
}
