package org.itaoversight.api.ita.loading;

/**
 * Where the reader puts the accepted question scores of a long file while it reads it, in file order, instead of
 * keeping them (the loader's sink writes them to ClickHouse at once). Once the file has a problem the reader gives
 * the sink no more rows: a file with a problem loads nothing, so sending them would be wasted work.
 */
@FunctionalInterface
public interface QuestionScoreSink {

    /** Takes one accepted row; a failure (ClickHouse gone) ends the reading with this exception. */
    void accept(QuestionScore score);
}
