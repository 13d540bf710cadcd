package org.tariffgraph.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;

import org.tariffgraph.server.Pbkdf2Credential;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/** {@code hash-password}: a password-file line with a salted hash, for {@code serve --enable-update}. */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Print a line for the password file of 'serve --enable-update': the user and a salted PBKDF2 hash",
            "of the password, which is read from the terminal without echo, or from standard input.",
            "The password itself is never stored."})
final class HashPasswordCommand implements Callable<Integer> {

    @Mixin
    Io io;

    @Option(names = "--user", required = true, paramLabel = "NAME", description = "The user name.")
    String user;

    @Override
    public Integer call() throws IOException {
        if (user.isBlank() || user.contains(":") || user.contains("=") || user.chars().anyMatch(Character::isWhitespace)) {
            throw io.usage("a user name has no spaces, ':' or '='");
        }
        char[] password = readPassword();
        if (password == null || password.length == 0) {
            throw io.usage("no password given");
        }
        try {
            io.out().println(user + ": " + Pbkdf2Credential.hash(password));
            io.out().flush();
        } finally {
            Arrays.fill(password, '\0');
        }
        return 0;
    }

    private char[] readPassword() throws IOException {
        Console console = System.console();
        if (console != null) {
            return console.readPassword("Password for %s: ", user);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = in.readLine();
        return line == null ? null : line.toCharArray();
    }
}
