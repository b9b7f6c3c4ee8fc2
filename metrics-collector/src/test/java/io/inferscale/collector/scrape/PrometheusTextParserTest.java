package io.inferscale.collector.scrape;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.inferscale.collector.domain.scrape.Exposition;
import io.inferscale.collector.domain.scrape.MetricType;
import io.inferscale.collector.domain.scrape.PrometheusTextParser;
import io.inferscale.collector.domain.scrape.Sample;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrometheusTextParserTest {

    static Stream<Arguments> validLines() {
        return Stream.of(
                arguments("plain sample", "a 1", "a", Map.of(), 1.0, null),
                arguments(
                        "labels and timestamp",
                        "a{x=\"1\",y=\"2\"} 3.5 1700000000000",
                        "a",
                        Map.of("x", "1", "y", "2"),
                        3.5,
                        1700000000000L),
                arguments(
                        "trailing comma (TorchServe)",
                        "a{x=\"1\",} 1",
                        "a",
                        Map.of("x", "1"),
                        1.0,
                        null),
                arguments(
                        "blanks between label tokens",
                        "a{ x = \"1\" , y=\"2\" } 1",
                        "a",
                        Map.of("x", "1", "y", "2"),
                        1.0,
                        null),
                arguments(
                        "escapes in a label value",
                        "a{x=\"q\\\"b\\\\s\\nn\"} 1",
                        "a",
                        Map.of("x", "q\"b\\s\nn"),
                        1.0,
                        null),
                arguments(
                        "braces and commas inside a label value",
                        "a{x=\"},{\"} 1",
                        "a",
                        Map.of("x", "},{"),
                        1.0,
                        null),
                arguments("empty label set", "a{} 2", "a", Map.of(), 2.0, null),
                arguments(
                        "value right after the label set",
                        "a{x=\"1\"}2",
                        "a",
                        Map.of("x", "1"),
                        2.0,
                        null),
                arguments("exponent", "a 1.5e+09", "a", Map.of(), 1.5e9, null),
                arguments("leading dot", "a .5", "a", Map.of(), 0.5, null),
                arguments("tabs as separators", "a\t\t7", "a", Map.of(), 7.0, null),
                arguments("leading blanks", "   a 7", "a", Map.of(), 7.0, null),
                arguments("colon in a metric name", "vllm:x 1", "vllm:x", Map.of(), 1.0, null),
                arguments("+Inf", "a +Inf", "a", Map.of(), Double.POSITIVE_INFINITY, null),
                arguments("-Inf", "a -Inf", "a", Map.of(), Double.NEGATIVE_INFINITY, null),
                arguments("negative timestamp", "a 1 -5", "a", Map.of(), 1.0, -5L),
                arguments("CRLF line end", "a 4\r", "a", Map.of(), 4.0, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validLines")
    void parsesValidLine(
            String name,
            String line,
            String metric,
            Map<String, String> labels,
            double value,
            Long timestamp) {
        Exposition e = PrometheusTextParser.parse(line);

        assertThat(e.malformed()).isEmpty();
        assertThat(e.samples(metric)).hasSize(1);
        Sample s = e.samples(metric).get(0);
        assertThat(s.labels()).isEqualTo(labels);
        assertThat(s.value()).isEqualTo(value);
        assertThat(s.timestampMs()).isEqualTo(timestamp);
    }

    @Test
    void nanIsAValue() {
        assertThat(PrometheusTextParser.parse("a NaN").samples("a").get(0).value()).isNaN();
    }

    static Stream<Arguments> malformedInput() {
        return Stream.of(
                arguments("missing value", "a", "missing value"),
                arguments("value is a word", "a one", "is not a number"),
                arguments("Java's double suffix", "a 1d", "is not a number"),
                arguments("hex float", "a 0x10", "is not a number"),
                arguments("exponent without digits", "a 1e", "is not a number"),
                arguments("metric name starts with a digit", "1a 1", "invalid metric name"),
                arguments("metric name with a dash", "a-b 1", "invalid character in metric name"),
                arguments("label name starts with a digit", "a{1x=\"1\"} 1", "invalid label name"),
                arguments("label name with a colon", "a{x:y=\"1\"} 1", "expected '='"),
                arguments("unquoted label value", "a{x=1} 1", "must be quoted"),
                arguments("unterminated label value", "a{x=\"1} 1", "unterminated label value"),
                arguments("unterminated label set", "a{x=\"1\" 1", "expected ',' or '}'"),
                arguments("label set cut off", "a{x=\"1\",", "unterminated label set"),
                arguments("invalid escape", "a{x=\"\\t\"} 1", "invalid escape"),
                arguments("duplicate label", "a{x=\"1\",x=\"2\"} 1", "duplicate label x"),
                arguments("reserved label", "a{__name__=\"a\"} 1", "reserved label name"),
                arguments("double comma", "a{x=\"1\",,} 1", "invalid label name"),
                arguments("fractional timestamp", "a 1 1.5", "is not an integer"),
                arguments("timestamp out of range", "a 1 99999999999999999999", "out of range"),
                arguments("text after the timestamp", "a 1 2 3", "after the timestamp"),
                arguments("unknown type", "# TYPE a countr", "unknown metric type"),
                arguments("TYPE without a type", "# TYPE a", "expected a blank before the type"),
                arguments("HELP without a name", "# HELP", "expected a blank after HELP"),
                arguments("text after the type", "# TYPE a counter x", "after the type"),
                arguments("second TYPE", "# TYPE a gauge\n# TYPE a counter", "second TYPE"),
                arguments("second HELP", "# HELP a x\n# HELP a y", "second HELP"),
                arguments("TYPE after the samples", "a 1\n# TYPE a gauge", "after its samples"),
                arguments(
                        "histogram bucket without le",
                        "# TYPE h histogram\nh_bucket{x=\"1\"} 1",
                        "without an le label"),
                arguments(
                        "histogram le not a number",
                        "# TYPE h histogram\nh_bucket{le=\"big\"} 1",
                        "le label 'big' is not a number"),
                arguments(
                        "histogram sample without suffix",
                        "# TYPE h histogram\nh 1",
                        "needs a _bucket, _sum or _count suffix"),
                arguments(
                        "summary quantile without quantile",
                        "# TYPE s summary\ns{x=\"1\"} 1",
                        "without a quantile label"),
                arguments("repeated series", "a{x=\"1\"} 1\na{x=\"1\"} 2", "repeated series"),
                arguments(
                        "HTML instead of metrics",
                        "<html><body>502</body></html>",
                        "invalid metric name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedInput")
    void skipsAndExplainsMalformedLine(String name, String text, String reason) {
        Exposition e = PrometheusTextParser.parse(text);

        assertThat(e.malformedCount()).isEqualTo(1);
        assertThat(e.malformed().get(0).reason()).contains(reason);
    }

    @Test
    void aBadLineCostsOnlyItself() {
        Exposition e = PrometheusTextParser.parse("a 1\nthis is { not metrics\nb{x=\"2\"} 2\n");

        assertThat(e.sampleCount()).isEqualTo(2);
        assertThat(e.malformedCount()).isEqualTo(1);
        assertThat(e.malformed().get(0).lineNumber()).isEqualTo(2);
        assertThat(e.samples("b").get(0).value()).isEqualTo(2.0);
    }

    @Test
    void repeatedSeriesKeepsTheFirst() {
        Exposition e = PrometheusTextParser.parse("a{x=\"1\"} 1\na{x=\"1\"} 2\na{x=\"2\"} 3");

        assertThat(e.samples("a")).extracting(Sample::value).containsExactly(1.0, 3.0);
    }

    @Test
    void countsEveryMalformedLineButKeepsOnlyTheFirstDetails() {
        String garbage = "garbage!\n".repeat(500);

        Exposition e = PrometheusTextParser.parse(garbage);

        assertThat(e.sampleCount()).isZero();
        assertThat(e.malformedCount()).isEqualTo(500);
        assertThat(e.malformed()).hasSize(Exposition.MAX_MALFORMED_DETAILS);
    }

    @Test
    void cutsHugeLinesInTheReport() {
        Exposition e = PrometheusTextParser.parse("x".repeat(10_000) + "{");

        assertThat(e.malformed().get(0).text().length()).isLessThan(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "\n", "\n\n   \n", "# just a comment\n# another"})
    void emptyOrCommentOnlyHasNoSamples(String text) {
        Exposition e = PrometheusTextParser.parse(text);

        assertThat(e.sampleCount()).isZero();
        assertThat(e.malformedCount()).isZero();
    }

    @Test
    void readsTypesAndGroupsHistogramAndSummarySamples() {
        Exposition e =
                PrometheusTextParser.parse(
                        """
                        # HELP h A histogram.
                        # TYPE h histogram
                        h_bucket{le="0.1"} 1
                        h_bucket{le="+Inf"} 2
                        h_sum 0.3
                        h_count 2
                        # TYPE s summary
                        s{quantile="0.5"} 4
                        s_sum 9
                        s_count 3
                        """);

        assertThat(e.malformed()).isEmpty();
        assertThat(e.type("h")).isEqualTo(MetricType.HISTOGRAM);
        assertThat(e.type("s")).isEqualTo(MetricType.SUMMARY);
        assertThat(e.samples("h_bucket")).hasSize(2);
        assertThat(e.samples("s").get(0).label("quantile")).isEqualTo("0.5");
    }

    @Test
    void keepsLabelOrderAsWritten() {
        Sample s = PrometheusTextParser.parse("a{z=\"1\",a=\"2\",m=\"3\"} 1").samples("a").get(0);

        assertThat(new LinkedHashMap<>(s.labels()).keySet()).containsExactly("z", "a", "m");
    }

    // --- the real captures and their quirks (shared/samples/metrics/README.md) ---

    static Stream<Arguments> realSamples() {
        return Stream.of(
                arguments(Samples.VLLM_V0, 120),
                arguments(Samples.TRITON_GPU, 377),
                arguments(Samples.TRITON_CPU_IDLE, 31),
                arguments(Samples.TGI, 1888),
                arguments(Samples.TORCHSERVE_RESNET, 17),
                arguments(Samples.TORCHSERVE_MNIST, 40));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realSamples")
    void parsesEveryRealSampleWithoutAMalformedLine(String file, int samples) {
        Exposition e = PrometheusTextParser.parse(Samples.read(file));

        assertThat(e.malformed()).isEmpty();
        assertThat(e.sampleCount()).isEqualTo(samples);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {Samples.VLLM_V0, Samples.TRITON_GPU})
    void readsTheLastLineWithoutAFinalNewline(String file) {
        String text = Samples.read(file);
        assertThat(text).doesNotEndWith("\n");
        String lastLine = text.substring(text.lastIndexOf('\n') + 1);
        String name = lastLine.substring(0, lastLine.indexOf('{'));

        Exposition e = PrometheusTextParser.parse(text);

        assertThat(e.samples(name)).isNotEmpty();
    }

    @Test
    void torchServeTrailingCommaLabelSets() {
        String text = Samples.read(Samples.TORCHSERVE_RESNET);
        assertThat(text).contains(",}");

        Sample s =
                PrometheusTextParser.parse(text)
                        .samples("ts_inference_latency_microseconds")
                        .get(0);

        assertThat(s.labels())
                .containsEntry("model_name", "resnet18")
                .containsEntry("model_version", "default")
                .containsEntry("hostname", "88665a372f4b.ant.amazon.com")
                .hasSize(3);
        assertThat(s.value()).isEqualTo(290371.129);
    }

    @Test
    void tgiLeAfterOtherLabelsSumBeforeCountAndBlankLines() {
        String text = Samples.read(Samples.TGI);
        assertThat(text).contains("{method=\"prefill\",le=\"").contains("\n\n");

        Exposition e = PrometheusTextParser.parse(text);

        List<Sample> prefill =
                e.samples("tgi_batch_forward_duration_bucket").stream()
                        .filter(s -> "prefill".equals(s.label("method")))
                        .toList();
        assertThat(prefill).isNotEmpty().allSatisfy(s -> assertThat(s.label("le")).isNotNull());
        assertThat(e.samples("tgi_request_duration_sum").get(0).value())
                .isEqualTo(541.2140316159999);
        assertThat(e.samples("tgi_request_duration_count").get(0).value()).isEqualTo(109.0);
    }

    @Test
    void summariesInTritonAndTgi() {
        Exposition triton = PrometheusTextParser.parse(Samples.read(Samples.TRITON_GPU));
        Exposition tgi = PrometheusTextParser.parse(Samples.read(Samples.TGI));

        assertThat(triton.type("nv_inference_request_summary_us")).isEqualTo(MetricType.SUMMARY);
        assertThat(triton.samples("nv_inference_request_summary_us"))
                .hasSize(40)
                .allSatisfy(s -> assertThat(s.label("quantile")).isNotNull());
        assertThat(tgi.samples("tgi_request_skipped_tokens")).hasSize(7);
    }

    @Test
    void familiesDeclaredWithoutSamplesHaveNone() {
        Exposition e = PrometheusTextParser.parse(Samples.read(Samples.TORCHSERVE_RESNET));

        assertThat(e.type("GPUUtilization")).isEqualTo(MetricType.GAUGE);
        assertThat(e.samples("GPUUtilization")).isEmpty();
    }
}
