using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class SpecLineDiffTests
{
    private static readonly SpecYaml Before = new();

    [Fact]
    public void A_changed_value_is_one_modified_row_with_both_line_numbers()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.Equal(DiffLineKind.Modified, row.Kind);
        Assert.Equal((18, "    parallelism: 2"), (row.Old!.Number, row.Old.Text));
        Assert.Equal((18, "    parallelism: 4"), (row.New!.Number, row.New.Text));
    }

    [Fact]
    public void Only_the_changed_word_of_a_modified_line_is_highlighted()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.Equal(["4"], row.New!.Segments.Where(s => s.IsChanged).Select(s => s.Text));
        Assert.Equal(["2"], row.Old!.Segments.Where(s => s.IsChanged).Select(s => s.Text));
    }

    [Fact]
    public void Added_and_removed_lines_have_only_one_side()
    {
        var diff = SpecLineDiff.Compute("a: 1\nb: 2\n", "a: 1\nc: 3\nd: 4\n");

        Assert.Equal(
            [DiffLineKind.Unchanged, DiffLineKind.Modified, DiffLineKind.Added],
            diff.Rows.Select(r => r.Kind));
        var added = diff.Rows[2];
        Assert.Null(added.Old);
        Assert.Equal(3, added.New!.Number);
        var removed = Assert.Single(SpecLineDiff.Compute("a: 1\nb: 2", "a: 1").Rows, r => r.IsChange);
        Assert.Equal(DiffLineKind.Removed, removed.Kind);
        Assert.Null(removed.New);
    }

    [Fact]
    public void Unchanged_runs_beyond_the_context_are_folded()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var sections = diff.Sections(contextLines: 3, expanded: new HashSet<int>());

        Assert.Equal([true, false, true], sections.Select(s => s.IsHidden));
        Assert.Equal(14, sections[0].Rows.Count);
        Assert.Equal(Enumerable.Range(15, 7), sections[1].Rows.Select(r => r.New!.Number));
        Assert.Equal(7, sections[2].Rows.Count);
    }

    [Fact]
    public void An_expanded_fold_shows_its_rows()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());
        var firstFold = diff.Sections(3, new HashSet<int>())[0];

        var sections = diff.Sections(3, new HashSet<int> { firstFold.FirstRowIndex });

        Assert.Equal([false, true], sections.Select(s => s.IsHidden));
        Assert.Equal(21, sections[0].Rows.Count);
    }

    [Fact]
    public void Identical_specs_have_no_changes_and_fold_completely()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), Before.Build());

        Assert.False(diff.HasChanges);
        Assert.True(Assert.Single(diff.Sections(3, new HashSet<int>())).IsHidden);
    }

    [Fact]
    public void Hiding_the_instance_annotation_leaves_its_line_out()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), Before.Build(), hideInstanceAnnotation: true);

        Assert.DoesNotContain(diff.Rows, r => r.Old!.Text.Contains(Cmf.Core.Model.MetadataKeys.InstanceAnnotation, StringComparison.Ordinal));
        Assert.Equal(4, diff.Rows[2].Old!.Number);
    }

    [Fact]
    public void With_the_annotation_hidden_a_new_instance_uid_alone_is_no_change()
    {
        var other = Before with { InstanceUid = "22222222-2222-2222-2222-222222222222" };

        Assert.True(SpecLineDiff.Compute(Before.Build(), other.Build()).HasChanges);
        Assert.False(SpecLineDiff.Compute(Before.Build(), other.Build(), hideInstanceAnnotation: true).HasChanges);
    }

    [Theory]
    [InlineData("    platform.confluent.io/cmf-fa-instance: abc", true)]
    [InlineData("  \"platform.confluent.io/cmf-fa-instance\": abc", true)]
    [InlineData("    note: platform.confluent.io/cmf-fa-instance: abc", false)]
    public void The_annotation_is_recognised_only_as_a_key(string line, bool isAnnotation)
    {
        Assert.Equal(isAnnotation, SpecLineDiff.IsInstanceAnnotation(line));
    }

    [Fact]
    public void A_changed_secret_is_a_change_shown_masked_on_both_sides()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { PasswordToken = SpecYaml.NewToken }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.True(row.SecretChanged);
        Assert.Equal("    s3.secret-key: ******", row.Old!.Text);
        Assert.Equal("    s3.secret-key: ******", row.New!.Text);
    }

    [Fact]
    public void No_fingerprinted_token_survives_into_any_text_of_the_diff()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { PasswordToken = SpecYaml.NewToken }).Build());

        var texts = diff.Rows
            .SelectMany(r => new[] { r.Old, r.New })
            .OfType<DiffLine>()
            .SelectMany(l => l.Segments.Select(s => s.Text).Append(l.Text));
        Assert.All(texts, text => Assert.DoesNotContain("sealed", text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unchanged_secret_is_not_a_change()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Image = "flink:1.20.1" }).Build());

        Assert.DoesNotContain(diff.Rows, r => r.SecretChanged);
        Assert.Equal("image", Assert.Single(diff.Rows, r => r.IsChange).New!.Text.Trim().Split(':')[0]);
    }

    [Fact]
    public void Windows_line_endings_do_not_make_every_line_differ()
    {
        Assert.False(SpecLineDiff.Compute("a: 1\r\nb: 2\r\n", "a: 1\nb: 2").HasChanges);
    }

    [Fact]
    public void The_counts_summarise_the_change()
    {
        var diff = SpecLineDiff.Compute("a: 1\nb: 2\nc: 3", "a: 9\nc: 3\nd: 4\ne: 5");

        Assert.Equal((2, 1, 1), (diff.AddedCount, diff.RemovedCount, diff.ModifiedCount));
    }

    /// <summary>The usual spec, and one with an arg that makes both together exactly <paramref name="bytes"/> bytes (ASCII).</summary>
    private static (string Old, string New) SpecsOfTotalBytes(int bytes)
    {
        var old = Before.Build();
        var overhead = (Before with { Arg = "" }).Build().Length - old.Length;
        var @new = (Before with { Arg = LongArg.Of(bytes - (2 * old.Length) - overhead) }).Build();
        Assert.Equal(bytes, old.Length + @new.Length);
        return (old, @new);
    }

    [Fact]
    public void A_single_line_arg_of_1_4_MB_is_too_large_to_diff_and_never_reaches_DiffPlex()
    {
        var differ = new RecordingDiffer();

        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Arg = LongArg.Of(1_400_000) }).Build(), false, differ, CancellationToken.None);

        Assert.True(diff.IsTooLarge);
        Assert.Empty(differ.Calls);
        Assert.Empty(diff.Rows);
        Assert.Contains("too large to diff here", diff.Size.TooLargeMessage, StringComparison.Ordinal);
        Assert.Contains("Download both specs", diff.Size.TooLargeMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Specs_one_byte_over_the_cap_are_not_diffed()
    {
        var (old, @new) = SpecsOfTotalBytes(SpecLineDiffLimits.MaxBytes + 1);
        var differ = new RecordingDiffer();

        var diff = SpecLineDiff.Compute(old, @new, false, differ, CancellationToken.None);

        Assert.True(diff.IsTooLarge);
        Assert.Empty(differ.Calls);
    }

    [Fact]
    public void Specs_at_the_byte_cap_are_diffed()
    {
        var (old, @new) = SpecsOfTotalBytes(SpecLineDiffLimits.MaxBytes);

        var diff = SpecLineDiff.Compute(old, @new);

        Assert.False(diff.IsTooLarge);
        Assert.Equal(["    args:", "    - --payload="], diff.Rows.Where(r => r.IsChange).Select(r => r.New!.Text[..Math.Min(r.New.Text.Length, 16)]));
        Assert.All(diff.Rows.Where(r => r.IsChange), r => Assert.Equal(DiffLineKind.Added, r.Kind));
    }

    [Fact]
    public void More_lines_than_the_cap_are_not_diffed_however_few_bytes_they_take()
    {
        var half = string.Concat(Enumerable.Repeat("a: 1\n", SpecLineDiffLimits.MaxLines / 2 + 1));
        var differ = new RecordingDiffer();

        var diff = SpecLineDiff.Compute(half, half.Replace("a", "b", StringComparison.Ordinal), false, differ, CancellationToken.None);

        Assert.True(diff.IsTooLarge);
        Assert.Empty(differ.Calls);
    }

    [Fact]
    public void Lone_carriage_returns_count_as_lines_towards_the_cap()
    {
        var lines = string.Concat(Enumerable.Repeat("a: 1\r", SpecLineDiffLimits.MaxLines + 1));

        Assert.True(SpecLineDiff.Compute("", lines).IsTooLarge);
    }

    [Fact]
    public void A_modified_line_longer_than_the_long_line_limit_is_compared_whole_without_a_word_diff()
    {
        var arg = LongArg.Of(SpecLineDiffLimits.LongLine * 3);
        var differ = new RecordingDiffer();

        var diff = SpecLineDiff.Compute((Before with { Arg = arg }).Build(), (Before with { Arg = arg + "x" }).Build(), false, differ, CancellationToken.None);

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.Equal(DiffLineKind.Modified, row.Kind);
        var segment = Assert.Single(row.New!.Segments);
        Assert.True(segment.IsChanged);
        Assert.Equal(row.New.Text, segment.Text);
    }

    [Fact]
    public void A_long_line_is_shown_cut_at_the_limit_with_the_count_of_characters_left_out()
    {
        var arg = LongArg.Of(SpecLineDiffLimits.LongLine * 3);

        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Arg = arg }).Build());

        var line = diff.Rows.Last(r => r.IsChange).New!;
        Assert.Equal(line.Text[..SpecLineDiffLimits.LongLine], string.Concat(line.ShownSegments.Select(s => s.Text)));
        Assert.Equal(line.Text.Length - SpecLineDiffLimits.LongLine, line.HiddenLength);
    }

    [Fact]
    public void A_line_within_the_limit_is_shown_whole()
    {
        var diff = SpecLineDiff.Compute(Before.Build(), (Before with { Arg = LongArg.Of(SpecLineDiffLimits.LongLine - 10) }).Build());

        var line = diff.Rows.Last(r => r.IsChange).New!;
        Assert.Equal(0, line.HiddenLength);
        Assert.Equal(line.Text, string.Concat(line.ShownSegments.Select(s => s.Text)));
    }

    [Fact]
    public void A_cancelled_token_stops_the_diff_before_DiffPlex_runs()
    {
        var differ = new RecordingDiffer();

        Assert.Throws<OperationCanceledException>(() =>
            SpecLineDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build(), false, differ, new CancellationToken(canceled: true)));

        Assert.Empty(differ.Calls);
    }

    [Fact]
    public void A_diff_cancelled_during_its_line_diff_runs_no_word_diff()
    {
        using var cancellation = new CancellationTokenSource();
        var differ = new RecordingDiffer { AfterEach = cancellation.Cancel };
        var changedEverywhere = new SpecYaml { Parallelism = "4", Image = "flink:2.0", PasswordToken = SpecYaml.NewToken };

        Assert.ThrowsAny<OperationCanceledException>(() =>
            SpecLineDiff.Compute(Before.Build(), changedEverywhere.Build(), false, differ, cancellation.Token));

        Assert.Single(differ.Calls);
    }
}
