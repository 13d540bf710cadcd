package org.tariffgraph.text;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the source texts are: one or more folders, searched in order for a file by its
 * {@code tg:fileName}. The texts of one graph may lie in several folders: the first article's
 * beside the project, a researcher's own reports in a folder of their own.
 *
 * <pre>{@code
 * SourceFolders sources = SourceFolders.of(Path.of("../shared/sources"), Path.of("my-reports"));
 * Optional<Path> file = sources.find("harbour-ledger.txt");
 * }</pre>
 *
 * @param folders the folders, in the order they are searched
 */
public record SourceFolders(List<Path> folders) {

    public SourceFolders {
        folders = List.copyOf(folders);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("at least one sources folder is needed");
        }
    }

    /** The folders, searched in this order. */
    public static SourceFolders of(Path first, Path... more) {
        return new SourceFolders(java.util.stream.Stream.concat(java.util.stream.Stream.of(first), java.util.Arrays.stream(more)).toList());
    }

    /** Whether a file name is a plain name, one that cannot reach outside a folder. */
    public static boolean isPlainName(String fileName) {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            return false;
        }
        try {
            return Path.of(fileName).getNameCount() == 1;
        } catch (java.nio.file.InvalidPathException e) {
            return false;
        }
    }

    /** The folders that do not exist, as absolute paths. */
    public List<Path> missing() {
        return folders.stream().filter(f -> !Files.isDirectory(f)).map(f -> f.toAbsolutePath().normalize()).toList();
    }

    /**
     * The first file of this plain name in the folders.
     *
     * @throws IllegalArgumentException if the name is not a plain file name
     */
    public Optional<Path> find(String fileName) {
        if (!isPlainName(fileName)) {
            throw new IllegalArgumentException("not a plain file name: " + fileName);
        }
        return folders.stream().map(f -> f.resolve(fileName)).filter(Files::isRegularFile).findFirst();
    }

    /** Each folder's file of this name that exists, in order: a {@code README.md} in each, say. */
    public List<Path> each(String fileName) {
        return folders.stream().map(f -> f.resolve(fileName)).filter(Files::isRegularFile).toList();
    }

    @Override
    public String toString() {
        return folders.stream().map(f -> f.toAbsolutePath().normalize().toString()).collect(Collectors.joining(", "));
    }
}
