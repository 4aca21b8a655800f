package org.itaoversight.api.commands;

import io.dropwizard.core.cli.Cli;

/** Commands report a failure as one clear line (what and where), not a stack trace. */
public final class CommandErrors {

    private CommandErrors() {
    }

    public static void print(Cli cli, String command, Throwable error) {
        Throwable shown = error;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        cli.getStdErr().println(command + ": " + (shown.getMessage() == null ? shown.toString() : shown.getMessage()));
    }
}
