package org.tariffgraph.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.tariffgraph.remote.RemoteStore;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The options that keep the graph in a remote SPARQL 1.1 store instead of in this process,
 * shared by every command that reads the graph. A mixin. The password is read from a file,
 * never given on the command line, where other users of the machine could see it.
 */
final class RemoteOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--remote", paramLabel = "QUERY-URL",
            description = {"Keep the graph in a remote SPARQL 1.1 store, whose query endpoint this is (such as http://host:8890/sparql):",
                "queries run there; a store without tariffgraph's graphs is filled from the files by the Graph Store Protocol."})
    String query;

    @Option(names = "--remote-update", paramLabel = "URL", description = "The remote store's SPARQL update endpoint.")
    String update;

    @Option(names = "--remote-gsp", paramLabel = "URL", description = "The remote store's Graph Store Protocol endpoint (graphs named by ?graph=), needed to load it.")
    String gsp;

    @Option(names = "--remote-user", paramLabel = "USER", description = "The user to sign in to the remote store as (HTTP basic or digest).")
    String user;

    @Option(names = "--remote-password-file", paramLabel = "FILE", description = "A file whose first line is the password of --remote-user.")
    Path passwordFile;

    /** Whether a remote store was asked for. */
    boolean given() {
        return query != null;
    }

    /** The remote store the options name; a usage error when they do not fit together. */
    RemoteStore store() {
        if (query == null) {
            if (update != null || gsp != null || user != null || passwordFile != null) {
                throw usage("--remote-update, --remote-gsp, --remote-user and --remote-password-file need --remote QUERY-URL");
            }
            return null;
        }
        if ((user == null) != (passwordFile == null)) {
            throw usage("--remote-user and --remote-password-file go together");
        }
        try {
            RemoteStore.Builder builder = RemoteStore.builder().query(query).update(update).gsp(gsp);
            if (user != null) {
                builder.credentials(user, password());
            }
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private String password() {
        try {
            String text = Files.readString(passwordFile, StandardCharsets.UTF_8);
            String line = text.lines().findFirst().orElse("");
            if (line.isEmpty()) {
                throw usage("--remote-password-file " + passwordFile + " is empty: its first line must be the password");
            }
            return line;
        } catch (IOException e) {
            throw usage("cannot read --remote-password-file " + passwordFile + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
