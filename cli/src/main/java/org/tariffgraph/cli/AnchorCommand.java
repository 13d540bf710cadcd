package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.curate.Anchor;
import org.tariffgraph.curate.TrigFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code anchor}: offsets, context and checksums for evidence whose words a curator typed. */
@Command(name = "anchor", mixinStandardHelpOptions = true,
        description = {"Find in the source text the words (oa:exact) of every text span of a TriG file, and give each its",
            "offsets, prefix and suffix, and the source its SHA-256 and lengths. Words that are not in the text, or occur",
            "several times with nothing to tell them apart, are refused by name; then nothing is written (exit 1)."})
final class AnchorCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    TargetFile target;

    @Parameters(paramLabel = "FILE.trig", description = "The article's TriG file.")
    Path file;

    @Option(names = "--sources", required = true, paramLabel = "DIR", description = "The folder of the source texts, by their tg:fileName.")
    Path sources;

    @Override
    public Integer call() throws IOException {
        TrigFile trig = TrigFile.read(file);
        Anchor.Result result = Anchor.withSources(sources).anchor(trig.dataset());
        io.writeFile(target.target(file), trig::write);
        io.err().println(result.anchored().size() + " span(s) anchored, " + result.alreadyRight().size() + " already right, "
                + result.sourcesUpdated().size() + " source(s) updated; the file's comments are not kept");
        return 0;
    }
}
