using Microsoft.Extensions.Configuration;
using Miner.Actors.Storage;
using Miner.Actors.Generation;
using Miner.Actors.Mining;
using Miner.Host.Logging;
using Miner.Models.Bittensor.Chain;
using Miner.Models.Bittensor.Keys;
using Miner.Models.Bittensor.Wire;
using Miner.Models.Generation;
using Miner.Models.Splats;
using Miner.Models.Validation;

namespace Miner.Host.Configuration;

/// <summary>Every configuration section and the options type it binds to, bound together.</summary>
public sealed class MinerSettings
{
    /// <summary>The sections `config check` validates and `hocon/miner.conf` documents.</summary>
    public static IReadOnlyList<RegisteredOptions> Sections { get; } =
    [
        new("miner.home", typeof(string)), // one value, not a section: read by Bind
        new("logging", typeof(LoggingOptions)),
        new("wallet", typeof(WalletOptions)),
        new("subtensor", typeof(SubtensorOptions)),
        new("axon", typeof(AxonOptions)),
        new("miner.metagraph", typeof(MetagraphOptions)),
        new("miner.dendrite", typeof(DendriteOptions)),
        new("miner.splats", typeof(SplatOptions)),
        new("miner.persistence", typeof(PersistenceOptions)),
        new("miner.gate", typeof(SelfValidationOptions)),
        new("miner.generation", typeof(GenerationOptions)),
        new("miner.mining", typeof(MiningOptions)),
        new("miner.cpu-backends", typeof(CpuBackendOptions)),
        new("miner.admin", typeof(Admin.AdminOptions)),
        new("devnet", typeof(Devnet.DevnetOptions)), // hocon/devnet.conf; bound by DevnetConfiguration, not here
    ];

    /// <summary>
    /// Top-level sections handed on whole to another library rather than bound to an options type: their keys are
    /// never unknown. <c>akka</c> goes to Akka.NET (<see cref="AkkaConfigRenderer"/>; shape checked by
    /// <see cref="AkkaSectionChecker"/>).
    /// </summary>
    public static IReadOnlyList<string> PassThroughSections { get; } = [AkkaConfigRenderer.Section];

    /// <summary>Where the long-running commands keep their outputs; relative paths in settings resolve against it.</summary>
    public required MinerHome Home { get; init; }

    public required LoggingOptions Logging { get; init; }
    /// <summary>The operator's <c>akka { }</c> section, rendered for Akka.NET (empty when there is none).</summary>
    public required Akka.Configuration.Config Akka { get; init; }
    public required WalletOptions Wallet { get; init; }
    public required SubtensorOptions Subtensor { get; init; }
    public required AxonOptions Axon { get; init; }
    public required MetagraphOptions Metagraph { get; init; }
    public required DendriteOptions Dendrite { get; init; }
    public required SplatOptions Splats { get; init; }
    public required PersistenceOptions Persistence { get; init; }
    public required SelfValidationOptions Gate { get; init; }
    public required GenerationOptions Generation { get; init; }
    public required MiningOptions Mining { get; init; }
    public required CpuBackendOptions CpuBackends { get; init; }

    /// <summary>The operator's endpoint (<c>miner.admin</c>); its token file resolved under the home by <see cref="Bind"/>.</summary>
    public Admin.AdminOptions Admin { get; init; } = new();

    /// <summary>Binds every section; throws <see cref="ConfigurationException"/> listing every problem of every section.</summary>
    public static MinerSettings Bind(IConfigurationRoot root, ICollection<ConfigurationDiagnostic>? warnings = null)
    {
        var unknown = UnknownTopLevelKeys(root);
        var errors = unknown.Where(d => d.IsError).ToList();
        if (errors.Count > 0) throw new ConfigurationException(errors);
        foreach (var warning in unknown) warnings?.Add(warning);
        errors.AddRange(ConfigurationValidator.Validate(root, "miner.home", typeof(string)).Where(d => d.IsError));
        if (errors.Count > 0) throw new ConfigurationException(errors);
        var home = MinerHome.FromSetting(root[ConfigurationKeys.FromDotted("miner.home")]);

        T Section<T>(string path) where T : new()
        {
            try
            {
                return ConfigurationBinding.Bind<T>(root, path, warnings);
            }
            catch (ConfigurationException error)
            {
                errors.AddRange(error.Diagnostics);
                return new T();
            }
        }

        var settings = new MinerSettings
        {
            Home = home,
            Logging = Section<LoggingOptions>("logging"),
            Akka = AkkaConfigRenderer.Render(root),
            Wallet = Section<WalletOptions>("wallet"),
            Subtensor = Section<SubtensorOptions>("subtensor"),
            Axon = Section<AxonOptions>("axon"),
            Metagraph = Section<MetagraphOptions>("miner.metagraph"),
            Dendrite = Section<DendriteOptions>("miner.dendrite"),
            Splats = Section<SplatOptions>("miner.splats"),
            Persistence = Section<PersistenceOptions>("miner.persistence"),
            Gate = Section<SelfValidationOptions>("miner.gate"),
            Generation = Section<GenerationOptions>("miner.generation"),
            Mining = Section<MiningOptions>("miner.mining"),
            CpuBackends = Section<CpuBackendOptions>("miner.cpu-backends"),
            Admin = Section<Admin.AdminOptions>("miner.admin"),
        };
        if (errors.Count > 0) throw new ConfigurationException(errors);
        // Relative outputs follow the home, not the working directory a service manager happened to set.
        settings.Persistence.SqlitePath = home.Resolve(settings.Persistence.SqlitePath);
        settings.Logging.File.Path = home.Resolve(settings.Logging.File.Path);
        settings.Admin.TokenFile = home.Resolve(settings.Admin.TokenFile);
        return settings;
    }

    /// <summary>Keys outside every registered section (a typo such as <c>walet.name</c>).</summary>
    private static List<ConfigurationDiagnostic> UnknownTopLevelKeys(IConfigurationRoot root)
    {
        var known = Sections.Select(s => ConfigurationKeys.FromDotted(s.SectionPath)).Concat(PassThroughSections.Select(ConfigurationKeys.FromDotted))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var diagnostics = new List<ConfigurationDiagnostic>();
        foreach (var top in root.GetChildren())
        {
            var children = top.Key.Equals("miner", StringComparison.OrdinalIgnoreCase)
                ? top.GetChildren().Select(c => "miner:" + c.Key)
                : [top.Key];
            foreach (var key in children)
            {
                if (!known.Contains(key)) diagnostics.Add(ConfigurationValidator.UnknownKey(root, key));
            }
        }
        return diagnostics;
    }
}
