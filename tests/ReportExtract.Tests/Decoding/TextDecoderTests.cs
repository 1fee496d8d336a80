using System.Text;
using ReportExtract.Decoding;

namespace ReportExtract.Tests.Decoding;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // Every fixture was converted from the UTF-8 excerpt by iconv (tools/decoding/make-encoding-fixtures.sh).
    [Theory]
    [InlineData("wenling-housing.utf8.txt", "wenling-housing.utf8.txt", "utf-8")]
    [InlineData("wenling-housing.utf8-bom.txt", "wenling-housing.utf8.txt", "utf-8")]
    [InlineData("fuling-subdistrict.utf16le-bom.txt", "fuling-subdistrict.utf8.txt", "utf-16le")]
    [InlineData("fuling-subdistrict.utf16be-bom.txt", "fuling-subdistrict.utf8.txt", "utf-16be")]
    [InlineData("wenling-government.gbk.txt", "wenling-government.utf8.txt", "gb18030")]
    [InlineData("wenling-housing.gb18030.txt", "wenling-housing.utf8.txt", "gb18030")]
    [InlineData("bishan-planning.gb2312.txt", "bishan-planning.utf8.txt", "gb18030")]
    [InlineData("longhu-traditional.big5.txt", "longhu-traditional-plain.utf8.txt", "big5")]
    public void Detects_every_encoding_of_iconv_converted_samples(string fixture, string expected, string encoding)
    {
        var result = new TextDecoder().Decode(EncodingFixtures.Bytes(fixture));

        result.Rejection.Should().BeNull();
        result.Decoded!.Encoding.Should().Be(encoding);
        result.Decoded.Text.Should().Be(EncodingFixtures.Utf8(expected));
        result.Decoded.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("fuling-subdistrict.utf16le.txt", "utf-16le", "UTF-16LE")]
    [InlineData("fuling-subdistrict.utf16be.txt", "utf-16be", "UTF-16BE")]
    public void Detects_utf16_without_bom_by_its_nul_bytes_and_says_so(string fixture, string encoding, string name)
    {
        var result = new TextDecoder().Decode(EncodingFixtures.Bytes(fixture));

        result.Decoded!.Encoding.Should().Be(encoding);
        result.Decoded.Text.Should().Be(EncodingFixtures.Utf8("fuling-subdistrict.utf8.txt"));
        result.Decoded.Warnings.Should().ContainSingle().Which.Should().Contain(name).And.Contain("NUL");
    }

    [Theory]
    [InlineData("wenling-government-2021.txt")]
    [InlineData("bishan-planning-resources-2023.txt")]
    [InlineData("fuling-maan-subdistrict-2021.txt")]
    [InlineData("wenling-housing-bureau-2021.txt")]
    public void Round_trips_whole_simplified_samples_through_net_encodings(string sample)
    {
        var text = EncodingFixtures.Sample(sample);
        foreach (var (encoding, name) in new[]
                 {
                     (Encoding.GetEncoding(54936), "gb18030"),
                     (new UnicodeEncoding(false, true), "utf-16le"), (new UnicodeEncoding(true, true), "utf-16be"),
                     (new UTF8Encoding(true), "utf-8"),
                 })
        {
            var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
            var result = new TextDecoder().Decode(bytes);
            result.Decoded!.Encoding.Should().Be(name, "{0} bytes of {1}", encoding.WebName, sample);
            result.Decoded.Text.Should().Be(text);
        }
    }

    [Fact]
    public void Round_trips_the_traditional_sample_through_big5_without_its_pinyin()
    {
        var text = EncodingFixtures.Utf8("longhu-traditional-plain.utf8.txt");
        var result = new TextDecoder().Decode(Encoding.GetEncoding(950).GetBytes(text));

        result.Decoded!.Encoding.Should().Be("big5");
        result.Decoded.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("龍湖區城管局2023年法治政府建設情況報告", 950, "big5")]
    [InlineData("一、加強法治思維和依法行政能力建設", 950, "big5")]
    [InlineData("關於", 950, "big5")]
    [InlineData("臺灣", 950, "big5")]
    [InlineData("法治政府", 950, "big5")]
    [InlineData("温岭市人民政府2021年法治政府建设年度报告", 936, "gb18030")]
    [InlineData("一、主要举措和成效", 936, "gb18030")]
    [InlineData("发布日期:2022-02-25", 936, "gb18030")]
    [InlineData("关于", 936, "gb18030")]
    [InlineData("报告", 936, "gb18030")]
    public void Tells_gb_from_big5_even_on_a_short_line(string text, int codePage, string encoding)
    {
        var result = new TextDecoder().Decode(Encoding.GetEncoding(codePage).GetBytes(text));

        result.Decoded!.Encoding.Should().Be(encoding);
        result.Decoded.Text.Should().Be(text);
    }

    [Fact]
    public void Reads_gbk_that_a_naive_detector_takes_for_windows_1252_as_gb18030()
    {
        var bytes = EncodingFixtures.Bytes("ascii-heavy.gbk.txt");

        // The trap: every byte is valid Windows-1252, so a detector that tries it gets mojibake without an error.
        var latin = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        latin.Invoking(e => e.GetString(bytes)).Should().NotThrow();

        var result = new TextDecoder().Decode(bytes);
        result.Decoded!.Encoding.Should().Be("gb18030");
        result.Decoded.Text.Should().Be(EncodingFixtures.Utf8("ascii-heavy.utf8.txt")).And.Contain("Publisher: 温岭市");
    }

    [Theory]
    [InlineData("GBK", "gb18030")]
    [InlineData("gb2312", "gb18030")]
    [InlineData("GB18030", "gb18030")]
    [InlineData("cp936", "gb18030")]
    public void Forced_gb_family_names_read_as_gb18030(string name, string canonical)
    {
        var decoder = new TextDecoder(name);
        decoder.ForcedEncoding.Should().Be(canonical);

        var result = decoder.Decode(EncodingFixtures.Bytes("wenling-government.gbk.txt"));
        result.Decoded!.Encoding.Should().Be(canonical);
        result.Decoded.Text.Should().Be(EncodingFixtures.Utf8("wenling-government.utf8.txt"));
    }

    [Fact]
    public void A_forced_encoding_wins_over_detection_and_reports_the_damage()
    {
        // GBK read as UTF-8: nonsense, but the user asked for it; the invalid bytes become U+FFFD and a warning.
        var result = new TextDecoder("utf-8").Decode(EncodingFixtures.Bytes("ascii-heavy.gbk.txt"));

        result.Decoded!.Encoding.Should().Be("utf-8");
        result.Decoded.Text.Should().Contain("Publisher: \uFFFD");
        result.Decoded.Warnings.Should().ContainSingle().Which.Should().MatchRegex(@"^\d+ invalid byte sequence\(s\) in the utf-8 input were replaced with U\+FFFD$");
    }

    [Theory]
    [InlineData("utf-8", "wenling-housing.utf8-bom.txt", "wenling-housing.utf8.txt")]
    [InlineData("UTF-16LE", "fuling-subdistrict.utf16le-bom.txt", "fuling-subdistrict.utf8.txt")]
    [InlineData("utf-16be", "fuling-subdistrict.utf16be.txt", "fuling-subdistrict.utf8.txt")]
    public void A_forced_unicode_encoding_drops_its_own_bom(string name, string fixture, string expected)
    {
        var result = new TextDecoder(name).Decode(EncodingFixtures.Bytes(fixture));

        result.Decoded!.Text.Should().Be(EncodingFixtures.Utf8(expected));
        result.Decoded.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void An_unknown_encoding_name_is_an_argument_error_that_lists_the_supported_ones()
    {
        var act = () => new TextDecoder("latin-1");

        act.Should().Throw<ArgumentException>().WithMessage("*latin-1*utf-8, utf-16le, utf-16be, gb18030, big5*");
        TextDecoder.SupportedEncodings.Should().Equal("utf-8", "utf-16le", "utf-16be", "gb18030", "big5");
    }

    [Fact]
    public void Invalid_utf8_bytes_become_replacement_characters_with_a_warning()
    {
        var good = Encoding.UTF8.GetBytes("温岭市人民政府2021年法治政府建设年度报告");
        var bytes = good[..9].Concat(new byte[] { 0xFF, 0xC3 }).Concat(good[9..]).ToArray();

        var result = new TextDecoder().Decode(bytes);

        result.Decoded!.Encoding.Should().Be("utf-8");
        result.Decoded.Text.Should().Be("温岭市\uFFFD\uFFFD人民政府2021年法治政府建设年度报告");
        result.Decoded.Warnings.Should().Equal("2 invalid byte sequence(s) in the utf-8 input were replaced with U+FFFD");
    }

    [Fact]
    public void A_truncated_gbk_pair_becomes_a_replacement_character_with_a_warning()
    {
        var bytes = EncodingFixtures.Bytes("wenling-government.gbk.txt").Append((byte)0xC4).ToArray();

        var result = new TextDecoder().Decode(bytes);

        result.Decoded!.Encoding.Should().Be("gb18030");
        result.Decoded.Text.Should().Be(EncodingFixtures.Utf8("wenling-government.utf8.txt") + "\uFFFD");
        result.Decoded.Warnings.Should().Equal("1 invalid byte sequence(s) in the gb18030 input were replaced with U+FFFD");
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var result = new TextDecoder().Decode([]);

        result.Decoded.Should().BeNull();
        result.Rejection.Should().Be("the file is empty");
    }

    [Theory]
    [InlineData(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00 })]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00 })]
    public void Binary_data_with_nul_bytes_is_rejected_as_binary(byte[] bytes)
    {
        var result = new TextDecoder().Decode(bytes);

        result.Decoded.Should().BeNull();
        result.Rejection.Should().Contain("binary");
    }

    [Fact]
    public void Data_of_mostly_control_bytes_is_rejected_as_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(1 + (i % 8))).ToArray();

        new TextDecoder().Decode(bytes).Rejection.Should().Be("the file holds binary data (mostly control bytes), not text");
    }

    [Fact]
    public void Undecodable_bytes_are_rejected_as_binary_or_unsupported()
    {
        // Lead bytes followed by a space are invalid in GB18030 and Big5; 0xFF is private use in both.
        var bytes = Enumerable.Range(0, 200).SelectMany(i => i % 2 == 0 ? new byte[] { 0x81, 0x20 } : [0xFF, 0xFF]).ToArray();

        new TextDecoder().Decode(bytes).Rejection.Should().StartWith("the file holds binary data or text in an unsupported encoding");
    }

    [Fact]
    public void Decoding_is_thread_safe()
    {
        var decoder = new TextDecoder();
        var gbk = EncodingFixtures.Bytes("wenling-government.gbk.txt");
        var big5 = EncodingFixtures.Bytes("longhu-traditional.big5.txt");

        var results = Enumerable.Range(0, 64).AsParallel().Select(i => decoder.Decode(i % 2 == 0 ? gbk : big5).Decoded!.Encoding).ToArray();

        results.Should().Equal(Enumerable.Range(0, 64).Select(i => i % 2 == 0 ? "gb18030" : "big5"));
    }
}
