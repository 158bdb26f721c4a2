package io.akhbar.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleFilesTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ArticleFiles files = new ArticleFiles(json);

    @TempDir
    Path dir;

    @Test
    void findsArticleFilesRecursivelyInAStableOrderSkippingHiddenAndOtherFiles() throws Exception {
        write("b.txt", "نص");
        write("a/c.ndjson", "{}");
        write("a/d.JSON", "{}");
        write("notes.md", "# ملاحظات");
        write(".git/e.json", "{}");
        write("a/.draft.txt", "مسودة");

        assertThat(ArticleFiles.find(dir)).extracting(path -> dir.relativize(path).toString().replace('\\', '/'))
                .containsExactly("a/c.ndjson", "a/d.JSON", "b.txt");
    }

    @Test
    void aTextFileIsOneArticleWhoseBodyIsTheWholeFileWithoutItsByteOrderMark() throws Exception {
        String text = "قال ستيف ويتكوف إنه سيسافر إلى موسكو.\nوأضاف أن اللقاء سيكون مهما.\n";
        Path file = dir.resolve("witkoff.txt");
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        Files.write(file, withBom);

        SourceFile source = files.read(file);

        assertThat(source.error()).isNull();
        assertThat(source.items()).singleElement().satisfies(item -> {
            assertThat(item.position()).isEmpty();
            assertThat(item.line()).doesNotContain("\n");
            assertThat(json.readTree(item.line()).path("body").asString()).isEqualTo(text);
        });
    }

    @Test
    void aTextFileThatIsNotUtf8IsUnreadableRatherThanMojibake() throws Exception {
        Path file = dir.resolve("old.txt");
        Files.write(file, "خبر بترميز قديم".getBytes(Charset.forName("windows-1256")));

        assertThat(files.read(file).error()).isEqualTo("not UTF-8 text");
    }

    @Test
    void aJsonFileHoldsOneArticleOrAnArrayOfThem() throws Exception {
        SourceFile one = files.read(write("one.json", "{\"title\": \"عنوان\", \"body\": \"نص\"}"));
        SourceFile many = files.read(write("many.json", "[{\"body\": \"الأول\"},\n {\"body\": \"الثاني\"}, 42]"));

        assertThat(one.items()).singleElement().satisfies(item -> assertThat(item.line()).contains("\"عنوان\""));
        assertThat(many.items()).extracting(Item::position).containsExactly("item 1", "item 2", "item 3");
        assertThat(many.items().get(2).line()).as("sent as it is; ingest answers for it").isEqualTo("42");
    }

    @Test
    void aJsonFileThatDoesNotParseIsUnreadableWithItsPosition() throws Exception {
        assertThat(files.read(write("bad.json", "[{\"body\": \"نص\"},\n {\"body\": ")).error())
                .startsWith("not valid JSON (line 2");
        assertThat(files.read(write("text.json", "\"نص\"")).error()).isEqualTo("must hold an article object or an array of them");
        assertThat(files.read(write("empty.json", "")).error()).isEqualTo("empty file");
    }

    @Test
    void anNdjsonFileGivesOneItemPerNonBlankLineWithItsLineNumber() throws Exception {
        SourceFile source = files.read(write("lines.ndjson", "{\"body\":\"الأول\"}\r\n\n{\"body\": مكسور\n{\"body\":\"الرابع\"}"));

        assertThat(source.items()).extracting(Item::position).containsExactly("line 1", "line 3", "line 4");
        assertThat(source.items()).extracting(Item::line)
                .containsExactly("{\"body\":\"الأول\"}", "{\"body\": مكسور", "{\"body\":\"الرابع\"}");
    }

    private Path write(String name, String content) throws Exception {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        return file;
    }
}
