package org.itaoversight.api.commands;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import net.sourceforge.argparse4j.impl.Arguments;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.itaoversight.api.OversightConfiguration;
import org.itaoversight.api.registry.RegistryConfiguration;

/**
 * A command that reads an agency's own document ({@code DOCUMENT [--dry-run] [--json] [--agencies CSV]}): the file,
 * checked, and the registry its agency is matched against.
 */
abstract class DocumentCommand extends BatchCommand {

    DocumentCommand(String name, String description, PrintStream out) {
        super(name, description, out);
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("document").help("the document: Word (.docx), PDF with a text layer, or text (UTF-8 or TIS-620)");
        subparser.addArgument("--dry-run").action(Arguments.storeTrue()).dest("dryRun").help("only read and print; change nothing");
        subparser.addArgument("--json").action(Arguments.storeTrue()).help("print JSON");
        subparser.addArgument("--agencies").help("agency code list (CSV) to match against; default: the generated registry");
    }

    static Path document(Namespace namespace) {
        Path file = Path.of(namespace.getString("document"));
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        return file;
    }

    static RegistryConfiguration registry(Namespace namespace, OversightConfiguration configuration) {
        RegistryConfiguration registry = configuration.getRegistry();
        if (namespace.getString("agencies") != null) {
            registry.setAgenciesFile(namespace.getString("agencies"));
        }
        return registry;
    }
}
