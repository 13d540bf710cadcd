package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.tariffgraph.curate.Review;
import org.tariffgraph.curate.TrigFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code review}: a curator's decisions on the facts of a draft. */
@Command(name = "review", mixinStandardHelpOptions = true,
        description = {"Apply a curator's decisions to a draft, from a review file with one decision a line:",
            "  accept IRI | reject IRI | correct IRI PROPERTY VALUE | accept-all      (# starts a comment)",
            "IRIs may use the draft's prefixes; VALUE is a Turtle term. Accepted facts are marked accepted or corrected, with",
            "the curator; rejected ones are removed with the evidence no other fact uses. A bad line, an unknown IRI or a",
            "rejection another fact depends on is refused with its line number; then nothing is written (exit 1)."})
final class ReviewCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Mixin
    TargetFile target;

    @Parameters(paramLabel = "DRAFT.trig", description = "The draft's TriG file.")
    Path file;

    @Option(names = "--decisions", required = true, paramLabel = "FILE", description = "The review file.")
    Path decisions;

    @Option(names = "--curator", required = true, paramLabel = "NAME", description = "Who reviews, recorded on each fact decided.")
    String curator;

    @Override
    public Integer call() throws IOException {
        TrigFile trig = TrigFile.read(file);
        Review.Result result = Review.read(decisions, trig.prefixes()).applyTo(trig.dataset(), curator);
        io.writeFile(target.target(file), trig::write);
        io.err().println((result.accepted().size() + result.acceptedByAll().size()) + " accepted, " + result.corrected().size()
                + " corrected, " + result.rejected().size() + " rejected; " + result.claimsAdded().size()
                + " general claim(s) added for sentences left without a fact; the file's comments are not kept");
        result.claimsAdded().forEach(c -> io.err().println("  added " + c.claim() + " for \"" + c.words() + "\""));
        return 0;
    }
}
