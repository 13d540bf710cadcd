package org.tariffgraph.text;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A source text exactly as evidence points into it: its bytes (and their SHA-256), the text
 * they decode to as strict UTF-8, and offsets counted in Unicode code points, start
 * inclusive and end exclusive, as {@code oa:TextPositionSelector} counts them.
 *
 * <pre>{@code
 * SourceText text = SourceText.read(Path.of("report.txt"));
 * Selector words = text.selectorOf("the shift isn’t minor").orElseThrow();
 * }</pre>
 */
public final class SourceText {

    /** How many code points of context a selector's prefix and suffix hold at least. */
    public static final int CONTEXT = 32;

    private final String name;
    private final byte[] bytes;
    private final String text;
    private final int[] codePoints;
    /** For each code point, the index of its first char in {@link #text}; one more entry for the end. */
    private final int[] charIndex;

    private SourceText(String name, byte[] bytes, String text) {
        this.name = name;
        this.bytes = bytes;
        this.text = text;
        this.codePoints = text.codePoints().toArray();
        this.charIndex = new int[codePoints.length + 1];
        int at = 0;
        for (int i = 0; i < codePoints.length; i++) {
            charIndex[i] = at;
            at += Character.charCount(codePoints[i]);
        }
        charIndex[codePoints.length] = at;
    }

    /**
     * Reads a text file.
     *
     * @throws TextException if it cannot be read, is empty, is not valid UTF-8 or holds binary data
     */
    public static SourceText read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new TextException(file + ": no such file", e);
        } catch (IOException e) {
            throw new TextException(file + ": cannot read the text: " + e.getMessage(), e);
        }
        return of(file.getFileName() == null ? file.toString() : file.getFileName().toString(), bytes);
    }

    /**
     * A text from its bytes.
     *
     * @param name what to call it in messages, such as its file name
     * @throws TextException if it is empty, is not valid UTF-8 or holds binary data
     */
    public static SourceText of(String name, byte[] bytes) {
        if (bytes.length == 0) {
            throw new TextException(name + ": the text is empty");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        String text;
        try {
            text = decoder.decode(ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new TextException(name + ": not valid UTF-8 (a malformed sequence of " + e.getInputLength()
                    + " byte(s)); convert the text to UTF-8 first", e);
        } catch (CharacterCodingException e) {
            throw new TextException(name + ": not valid UTF-8; convert the text to UTF-8 first", e);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                throw new TextException(name + ": holds binary data (control character U+"
                        + String.format("%04X", (int) c) + " at character " + text.codePointCount(0, i) + "), not text");
            }
        }
        if (text.isBlank()) {
            throw new TextException(name + ": the text holds only white space");
        }
        return new SourceText(name, bytes.clone(), text);
    }

    /** The name given when it was read, such as its file name. */
    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** The length in code points. */
    public int length() {
        return codePoints.length;
    }

    public int byteLength() {
        return bytes.length;
    }

    /** The SHA-256 of the bytes, in lower-case hex. */
    public String sha256() {
        return sha256(bytes);
    }

    /** The SHA-256 of some bytes, in lower-case hex. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** The code point at an offset. */
    public int codePointAt(int offset) {
        return codePoints[offset];
    }

    /** The text from {@code start} (inclusive) to {@code end} (exclusive), in code points; clipped to the text. */
    public String slice(int start, int end) {
        int from = Math.max(0, Math.min(start, codePoints.length));
        int to = Math.max(from, Math.min(end, codePoints.length));
        return text.substring(charIndex[from], charIndex[to]);
    }

    /** The offset in code points of a char index of {@link #text()}. */
    public int offsetOfChar(int charIdx) {
        return text.codePointCount(0, charIdx);
    }

    /** The char index in {@link #text()} of an offset in code points. */
    public int charOf(int offset) {
        return charIndex[offset];
    }

    /** The offsets (in code points) at which {@code words} occur, in order. */
    public List<Integer> occurrences(String words) {
        List<Integer> found = new ArrayList<>();
        if (words.isEmpty()) {
            return found;
        }
        for (int at = text.indexOf(words); at >= 0; at = text.indexOf(words, at + 1)) {
            found.add(offsetOfChar(at));
        }
        return found;
    }

    /**
     * The selector of the words from {@code start} to {@code end}: the words, and at least
     * {@value #CONTEXT} code points of context on each side (fewer at the ends of the
     * text), more where that is needed for the words with their context to occur only once.
     */
    public Selector selector(int start, int end) {
        if (start < 0 || end > codePoints.length || start >= end) {
            throw new IllegalArgumentException("offsets " + start + "-" + end + " are not a span of a text of " + codePoints.length + " characters");
        }
        String exact = slice(start, end);
        for (int context = CONTEXT; ; context *= 2) {
            String prefix = slice(start - context, start);
            String suffix = slice(end, end + context);
            String whole = prefix + exact + suffix;
            int first = text.indexOf(whole);
            boolean unique = text.indexOf(whole, first + 1) < 0;
            boolean all = start - context <= 0 && end + context >= codePoints.length;
            if (unique || all) {
                return new Selector(exact, prefix, suffix, start, end);
            }
        }
    }

    /**
     * The selector of words that occur exactly once in the text.
     *
     * @throws TextException naming the words if they do not occur, or occur more than once
     */
    public Selector selectorOf(String words) {
        List<Integer> at = occurrences(words);
        if (at.isEmpty()) {
            throw new TextException(name + ": the words \"" + abbreviate(words) + "\" are not in the text");
        }
        if (at.size() > 1) {
            throw new TextException(name + ": the words \"" + abbreviate(words) + "\" occur " + at.size()
                    + " times in the text (at " + at + "); quote more of them, or give the start offset");
        }
        int start = at.get(0);
        return selector(start, start + words.codePointCount(0, words.length()));
    }

    static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
    }
}
