using Cmf.Core.Model;
using Cmf.Core.Storage.Entities;
using Cmf.Core.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmf.Core.Storage;

/// <summary>
/// The provider-neutral schema. Each provider derives its own context type so that its migrations
/// (which are provider-specific) are bound to it; see <c>Sqlite/SqliteCmfDbContext</c>.
/// </summary>
internal abstract class CmfDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<StoredEnvironment> Environments => Set<StoredEnvironment>();

    public DbSet<StoredApplication> Applications => Set<StoredApplication>();

    public DbSet<StoredInstance> Instances => Set<StoredInstance>();

    public DbSet<StoredInstanceSpec> InstanceSpecs => Set<StoredInstanceSpec>();

    public DbSet<StoredCluster> Clusters => Set<StoredCluster>();

    public DbSet<StoredEvent> Events => Set<StoredEvent>();

    public DbSet<StoredSnapshot> Snapshots => Set<StoredSnapshot>();

    public DbSet<PrunedInstance> PrunedInstances => Set<PrunedInstance>();

    public DbSet<StoredWatchPosition> WatchPositions => Set<StoredWatchPosition>();

    public DbSet<StoredWriterEpoch> WriterEpochs => Set<StoredWriterEpoch>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        configurationBuilder.Properties<JobState>().HaveConversion<string>();
        configurationBuilder.Properties<LifecycleState>().HaveConversion<string>();
        configurationBuilder.Properties<JobManagerDeploymentStatus>().HaveConversion<string>();
        configurationBuilder.Properties<ReconciliationState>().HaveConversion<string>();
        configurationBuilder.Properties<ClusterOwnerSource>().HaveConversion<string>();
        configurationBuilder.Properties<AppEventKind>().HaveConversion<string>();
        configurationBuilder.Properties<InstanceStop>().HaveConversion<string>();
        configurationBuilder.Properties<SpecDiffType>().HaveConversion<string>();
        configurationBuilder.Properties<InstanceOutcomeKind>().HaveConversion<string>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        MapEnvironments(modelBuilder.Entity<StoredEnvironment>());
        MapApplications(modelBuilder.Entity<StoredApplication>());
        MapInstances(modelBuilder.Entity<StoredInstance>());
        MapInstanceSpecs(modelBuilder.Entity<StoredInstanceSpec>());
        MapClusters(modelBuilder.Entity<StoredCluster>());
        MapEvents(modelBuilder.Entity<StoredEvent>());
        MapPrunedInstances(modelBuilder.Entity<PrunedInstance>());
        MapSnapshots(modelBuilder.Entity<StoredSnapshot>());
        modelBuilder.Entity<StoredWatchPosition>().ToTable("WatchPositions").HasKey(p => p.Name);
        var writerEpoch = modelBuilder.Entity<StoredWriterEpoch>();
        writerEpoch.ToTable("WriterEpoch").HasKey(w => w.Id);
        writerEpoch.Property(w => w.Id).ValueGeneratedNever();
    }

    private static void MapEnvironments(EntityTypeBuilder<StoredEnvironment> environment)
    {
        environment.ToTable("Environments");
        environment.HasKey(e => e.Name);
    }

    private static void MapApplications(EntityTypeBuilder<StoredApplication> application)
    {
        application.ToTable("Applications");
        application.HasKey(a => a.Id);
        application.HasIndex(a => new { a.Environment, a.Name }).IsUnique();
        // One index per sort of the application list, with and without the environment filter, so a
        // page is read in index order; the row id (implicitly in every index) breaks ties.
        application.HasIndex(a => new { a.Name, a.Environment });
        application.HasIndex(a => a.JobState);
        application.HasIndex(a => new { a.Environment, a.JobState });
        application.HasIndex(a => a.LastChangeAt);
        application.HasIndex(a => new { a.Environment, a.LastChangeAt });
        application.HasIndex(a => a.InstanceCount);
        application.HasIndex(a => new { a.Environment, a.InstanceCount });
        application.HasIndex(a => a.LastCommit);
    }

    private static void MapInstances(EntityTypeBuilder<StoredInstance> instance)
    {
        instance.ToTable("Instances");
        instance.HasKey(i => i.Id);
        instance.HasIndex(i => i.Uid).IsUnique();
        instance.HasIndex(i => new { i.ApplicationId, i.Sequence }).IsUnique();
        instance.HasIndex(i => new { i.ApplicationId, i.CreatedAt });
        // The fleet-wide changes list reads instances newest first across applications, in this index's order.
        instance.HasIndex(i => new { i.CreatedAt, i.Id });
        // ... and, filtered by a rare outcome (blocked, pending, rolled back, never deployed), in this one's.
        instance.HasIndex(i => new { i.Outcome, i.CreatedAt, i.Id });
        instance.HasOne<StoredApplication>().WithMany().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapInstanceSpecs(EntityTypeBuilder<StoredInstanceSpec> spec)
    {
        spec.ToTable("InstanceSpecs");
        spec.HasKey(s => s.InstanceId);
        spec.Property(s => s.InstanceId).ValueGeneratedNever();
        spec.HasOne<StoredInstance>().WithOne().HasForeignKey<StoredInstanceSpec>(s => s.InstanceId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapClusters(EntityTypeBuilder<StoredCluster> cluster)
    {
        cluster.ToTable("Clusters");
        cluster.HasKey(c => c.Id);
        cluster.HasIndex(c => c.Uid).IsUnique();
        cluster.HasIndex(c => new { c.ApplicationId, c.StartedAt });
        cluster.HasOne<StoredApplication>().WithMany().HasForeignKey(c => c.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapEvents(EntityTypeBuilder<StoredEvent> appEvent)
    {
        appEvent.ToTable("Events");
        appEvent.HasKey(e => e.Id);
        appEvent.HasIndex(e => new { e.ApplicationId, e.Id });
        appEvent.HasIndex(e => new { e.ApplicationId, e.Key });
        appEvent.Property(e => e.Count).HasDefaultValue(1);
        appEvent.HasOne<StoredApplication>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapSnapshots(EntityTypeBuilder<StoredSnapshot> snapshot)
    {
        snapshot.ToTable("Snapshots");
        snapshot.HasKey(s => s.Id);
        snapshot.HasIndex(s => s.Uid).IsUnique();
        snapshot.HasIndex(s => new { s.ApplicationId, s.CreatedAt });
        snapshot.HasOne<StoredApplication>().WithMany().HasForeignKey(s => s.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }

    private static void MapPrunedInstances(EntityTypeBuilder<PrunedInstance> pruned)
    {
        pruned.ToTable("PrunedInstances");
        pruned.HasKey(p => p.Uid);
    }
}
