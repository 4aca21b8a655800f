package org.itaoversight.embedded.clickhouse;

import java.nio.file.Path;

/** A parent process for {@link EmbeddedClickHouseTest}: starts an engine, reports its pid, and waits to be killed. */
public final class EmbeddedClickHouseParentMain {

    private EmbeddedClickHouseParentMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedClickHouse engine = EmbeddedClickHouse.start(EmbeddedClickHouseTest.settings(Path.of(args[0]), 0));
        System.out.println("engine-pid=" + engine.pid());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
