using Cmf.Dashboard.Model;

namespace Cmf.UnitTests.Dashboard;

public sealed class SpecDiffTests
{
    private static readonly SpecYaml Before = new();

    [Fact]
    public void A_changed_value_is_one_modified_row_with_both_line_numbers()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.Equal(DiffLineKind.Modified, row.Kind);
        Assert.Equal((18, "    parallelism: 2"), (row.Old!.Number, row.Old.Text));
        Assert.Equal((18, "    parallelism: 4"), (row.New!.Number, row.New.Text));
    }

    [Fact]
    public void Only_the_changed_word_of_a_modified_line_is_highlighted()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.Equal(["4"], row.New!.Segments.Where(s => s.IsChanged).Select(s => s.Text));
        Assert.Equal(["2"], row.Old!.Segments.Where(s => s.IsChanged).Select(s => s.Text));
    }

    [Fact]
    public void Added_and_removed_lines_have_only_one_side()
    {
        var diff = SpecDiff.Compute("a: 1\nb: 2\n", "a: 1\nc: 3\nd: 4\n");

        Assert.Equal(
            [DiffLineKind.Unchanged, DiffLineKind.Modified, DiffLineKind.Added],
            diff.Rows.Select(r => r.Kind));
        var added = diff.Rows[2];
        Assert.Null(added.Old);
        Assert.Equal(3, added.New!.Number);
        var removed = Assert.Single(SpecDiff.Compute("a: 1\nb: 2", "a: 1").Rows, r => r.IsChange);
        Assert.Equal(DiffLineKind.Removed, removed.Kind);
        Assert.Null(removed.New);
    }

    [Fact]
    public void Unchanged_runs_beyond_the_context_are_folded()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());

        var sections = diff.Sections(contextLines: 3, expanded: new HashSet<int>());

        Assert.Equal([true, false, true], sections.Select(s => s.IsHidden));
        Assert.Equal(14, sections[0].Rows.Count);
        Assert.Equal(Enumerable.Range(15, 7), sections[1].Rows.Select(r => r.New!.Number));
        Assert.Equal(7, sections[2].Rows.Count);
    }

    [Fact]
    public void An_expanded_fold_shows_its_rows()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { Parallelism = "4" }).Build());
        var firstFold = diff.Sections(3, new HashSet<int>())[0];

        var sections = diff.Sections(3, new HashSet<int> { firstFold.FirstRowIndex });

        Assert.Equal([false, true], sections.Select(s => s.IsHidden));
        Assert.Equal(21, sections[0].Rows.Count);
    }

    [Fact]
    public void Identical_specs_have_no_changes_and_fold_completely()
    {
        var diff = SpecDiff.Compute(Before.Build(), Before.Build());

        Assert.False(diff.HasChanges);
        Assert.True(Assert.Single(diff.Sections(3, new HashSet<int>())).IsHidden);
    }

    [Fact]
    public void Hiding_the_instance_annotation_leaves_its_line_out()
    {
        var diff = SpecDiff.Compute(Before.Build(), Before.Build(), hideInstanceAnnotation: true);

        Assert.DoesNotContain(diff.Rows, r => r.Old!.Text.Contains(SpecDiff.InstanceAnnotation, StringComparison.Ordinal));
        Assert.Equal(4, diff.Rows[2].Old!.Number);
    }

    [Fact]
    public void With_the_annotation_hidden_a_new_instance_uid_alone_is_no_change()
    {
        var other = Before with { InstanceUid = "22222222-2222-2222-2222-222222222222" };

        Assert.True(SpecDiff.Compute(Before.Build(), other.Build()).HasChanges);
        Assert.False(SpecDiff.Compute(Before.Build(), other.Build(), hideInstanceAnnotation: true).HasChanges);
    }

    [Theory]
    [InlineData("    platform.confluent.io/cmf-fa-instance: abc", true)]
    [InlineData("  \"platform.confluent.io/cmf-fa-instance\": abc", true)]
    [InlineData("    note: platform.confluent.io/cmf-fa-instance: abc", false)]
    public void The_annotation_is_recognised_only_as_a_key(string line, bool isAnnotation)
    {
        Assert.Equal(isAnnotation, SpecDiff.IsInstanceAnnotation(line));
    }

    [Fact]
    public void A_changed_secret_is_a_change_shown_masked_on_both_sides()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { PasswordToken = SpecYaml.NewToken }).Build());

        var row = Assert.Single(diff.Rows, r => r.IsChange);
        Assert.True(row.SecretChanged);
        Assert.Equal("    s3.secret-key: ******", row.Old!.Text);
        Assert.Equal("    s3.secret-key: ******", row.New!.Text);
    }

    [Fact]
    public void No_sealed_token_survives_into_any_text_of_the_diff()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { PasswordToken = SpecYaml.NewToken }).Build());

        var texts = diff.Rows
            .SelectMany(r => new[] { r.Old, r.New })
            .OfType<DiffLine>()
            .SelectMany(l => l.Segments.Select(s => s.Text).Append(l.Text));
        Assert.All(texts, text => Assert.DoesNotContain("sealed", text, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unchanged_secret_is_not_a_change()
    {
        var diff = SpecDiff.Compute(Before.Build(), (Before with { Image = "flink:1.20.1" }).Build());

        Assert.DoesNotContain(diff.Rows, r => r.SecretChanged);
        Assert.Equal("image", Assert.Single(diff.Rows, r => r.IsChange).New!.Text.Trim().Split(':')[0]);
    }

    [Fact]
    public void Windows_line_endings_do_not_make_every_line_differ()
    {
        Assert.False(SpecDiff.Compute("a: 1\r\nb: 2\r\n", "a: 1\nb: 2").HasChanges);
    }

    [Fact]
    public void The_counts_summarise_the_change()
    {
        var diff = SpecDiff.Compute("a: 1\nb: 2\nc: 3", "a: 9\nc: 3\nd: 4\ne: 5");

        Assert.Equal((2, 1, 1), (diff.AddedCount, diff.RemovedCount, diff.ModifiedCount));
    }
}
