using Microsoft.Extensions.Configuration;
using Miner.Actors.Persistence;
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
        new("actors", typeof(KernelOptions)),
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
        new("devnet", typeof(Devnet.DevnetOptions)), // hocon/devnet.conf; bound by DevnetConfiguration, not here
    ];

    /// <summary>Where the long-running commands keep their outputs; relative paths in settings resolve against it.</summary>
    public required MinerHome Home { get; init; }

    public required LoggingOptions Logging { get; init; }
    public required KernelOptions Actors { get; init; }
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

    /// <summary>Binds every section; throws <see cref="ConfigurationException"/> listing every problem found.</summary>
    public static MinerSettings Bind(IConfigurationRoot root, ICollection<ConfigurationDiagnostic>? warnings = null)
    {
        var unknown = UnknownTopLevelKeys(root);
        if (unknown.Any(d => d.IsError)) throw new ConfigurationException(unknown.Where(d => d.IsError).ToArray());
        foreach (var warning in unknown) warnings?.Add(warning);
        var homeErrors = ConfigurationValidator.Validate(root, "miner.home", typeof(string)).Where(d => d.IsError).ToList();
        if (homeErrors.Count > 0) throw new ConfigurationException(homeErrors);
        var home = MinerHome.FromSetting(root[ConfigurationKeys.FromDotted("miner.home")]);
        var settings = new MinerSettings
        {
            Home = home,
            Logging = ConfigurationBinding.Bind<LoggingOptions>(root, "logging", warnings),
            Actors = ConfigurationBinding.Bind<KernelOptions>(root, "actors", warnings),
            Wallet = ConfigurationBinding.Bind<WalletOptions>(root, "wallet", warnings),
            Subtensor = ConfigurationBinding.Bind<SubtensorOptions>(root, "subtensor", warnings),
            Axon = ConfigurationBinding.Bind<AxonOptions>(root, "axon", warnings),
            Metagraph = ConfigurationBinding.Bind<MetagraphOptions>(root, "miner.metagraph", warnings),
            Dendrite = ConfigurationBinding.Bind<DendriteOptions>(root, "miner.dendrite", warnings),
            Splats = ConfigurationBinding.Bind<SplatOptions>(root, "miner.splats", warnings),
            Persistence = ConfigurationBinding.Bind<PersistenceOptions>(root, "miner.persistence", warnings),
            Gate = ConfigurationBinding.Bind<SelfValidationOptions>(root, "miner.gate", warnings),
            Generation = BindGeneration(root, warnings),
            Mining = ConfigurationBinding.Bind<MiningOptions>(root, "miner.mining", warnings),
            CpuBackends = ConfigurationBinding.Bind<CpuBackendOptions>(root, "miner.cpu-backends", warnings),
        };
        // Relative outputs follow the home, not the working directory a service manager happened to set.
        settings.Persistence.SqlitePath = home.Resolve(settings.Persistence.SqlitePath);
        settings.Logging.File.Path = home.Resolve(settings.Logging.File.Path);
        return settings;
    }

    /// <summary>Binds <c>miner.generation</c> and refuses values the generation actor cannot work with.</summary>
    private static GenerationOptions BindGeneration(IConfigurationRoot root, ICollection<ConfigurationDiagnostic>? warnings)
    {
        var options = ConfigurationBinding.Bind<GenerationOptions>(root, "miner.generation", warnings);
        var problems = options.Problems();
        if (problems.Count > 0)
            throw new ConfigurationException(problems.Select(p => DiagnoseGeneration(root, p.Key, p.Problem)).ToArray());
        return options;
    }

    /// <summary>
    /// Names the key as written (<c>miner.generation.gpus.1.image-to-3d.url</c>); a missing key is located at the
    /// nearest enclosing entry that was written, so the operator sees which card lacks it.
    /// </summary>
    private static ConfigurationDiagnostic DiagnoseGeneration(IConfigurationRoot root, string relativeKey, string problem)
    {
        var dotted = "miner.generation." + relativeKey;
        var diagnostic = ConfigurationValidator.Diagnose(root, ConfigurationKeys.FromDotted(dotted), ConfigurationDiagnosticSeverity.Error, problem);
        if (diagnostic.Location is not null) return diagnostic;
        var segments = dotted.Split('.');
        for (var n = segments.Length - 1; n > 2; n--)
            if (ConfigurationOrigin.FindForSection(root, ConfigurationKeys.FromDotted(string.Join('.', segments[..n]))) is { } parent)
                return new ConfigurationDiagnostic(ConfigurationDiagnosticSeverity.Error, dotted, parent.ToString(), problem);
        return diagnostic with { Key = dotted };
    }

    /// <summary>Keys outside every registered section (a typo such as <c>walet.name</c>).</summary>
    private static List<ConfigurationDiagnostic> UnknownTopLevelKeys(IConfigurationRoot root)
    {
        var known = Sections.Select(s => ConfigurationKeys.FromDotted(s.SectionPath)).ToHashSet(StringComparer.OrdinalIgnoreCase);
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
