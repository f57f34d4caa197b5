namespace Miner.Specs.HostileInput;

/// <summary>
/// The careless and hostile invocations every release must survive, by class. Each is made fresh by the spec;
/// commands that could reach a network are pointed at a closed loopback port.
/// </summary>
public static class HostileInputCatalogue
{
    /// <summary>A loopback port nothing listens on: run's subtensor check fails at once, on this machine.</summary>
    private const string ClosedEndpoint = "ws://127.0.0.1:9";

    private static readonly Lazy<Dictionary<string, HostileCase>> All = new(() =>
        OutputSafety().Concat(CommandLine()).Concat(Settings()).Concat(BoundedInput()).ToDictionary(c => c.Name));

    public static HostileCase Get(string name) => All.Value[name];

    public static TheoryData<string> Names(Func<IEnumerable<HostileCase>> group)
    {
        var data = new TheoryData<string>();
        foreach (var hostile in group()) data.Add(hostile.Name);
        return data;
    }

    /// <summary>Never damage a file: no output over its input, no folder or device as a file, no temporary left.</summary>
    public static IEnumerable<HostileCase> OutputSafety()
    {
        yield return new("render_custom_view_onto_its_input", ["render", "small.ply", "--theta", "10", "--out", "small.ply"]);
        yield return new("render_custom_view_onto_a_symlink_to_its_input", ["render", "small.ply", "--theta", "10", "--out", "alias.ply"])
            { Setup = w => w.Link("alias.ply", "small.ply") };
        yield return new("render_custom_view_onto_a_hard_link_of_its_input", ["render", "small.ply", "--theta", "10", "--out", "twin.ply"])
            { Setup = w => w.HardLink("twin.ply", "small.ply") };
        yield return new("render_grid_onto_a_folder", ["render", "small.ply", "--grid", "grid"]) { Setup = w => w.Folder("grid") };
        yield return new("render_grid_into_a_missing_folder", ["render", "small.ply", "--grid", "missing/grid.png"]);
        yield return new("render_views_into_a_file", ["render", "small.ply", "--out", "small.png"]);
        yield return new("render_grid_writes_only_the_grid", ["render", "small.ply", "--grid", "grid.png"]) { AllowedExitCodes = [0], Outputs = ["grid.png"] };
        yield return new("convert_onto_its_input", ["convert", "small.ply", "small.ply"]);
        yield return new("convert_onto_the_input_by_another_spelling", ["convert", "small.ply", "./sub/../small.ply"]) { Setup = w => w.Folder("sub") };
        yield return new("convert_onto_a_symlink_to_its_input", ["convert", "small.spz", "alias.spz"]) { Setup = w => w.Link("alias.spz", "small.spz") };
        yield return new("convert_onto_a_folder", ["convert", "small.ply", "out.spz"]) { Setup = w => w.Folder("out.spz") };
        yield return new("convert_onto_a_folder_path_with_a_slash", ["convert", "small.ply", "out/"]);
        yield return new("convert_onto_a_device", ["convert", "small.ply", "/dev/null"]);
        yield return new("convert_onto_a_fifo", ["convert", "small.ply", "pipe.spz"]) { Setup = w => w.Fifo("pipe.spz") };
        yield return new("convert_to_an_unknown_extension", ["convert", "small.ply", "out.txt"]);
        yield return new("convert_writes_only_its_output", ["convert", "small.ply", "out.spz"]) { AllowedExitCodes = [0], Outputs = ["out.spz"] };
        yield return new("convert_replaces_an_existing_output_whole", ["convert", "small.spz", "old.ply"])
            { Setup = w => w.WriteText("old.ply", "an older file"), AllowedExitCodes = [0], Outputs = ["old.ply"] };
        yield return new("normalize_onto_its_input", ["normalize", "small.ply", "small.ply"]);
        yield return new("normalize_onto_a_hard_link_of_its_input", ["normalize", "small.ply", "twin.ply"]) { Setup = w => w.HardLink("twin.ply", "small.ply") };
        yield return new("generate_out_is_a_folder", ["generate", "--image", "small.png", "--out", "results"]) { Setup = w => w.Folder("results") };
        yield return new("generate_out_is_the_current_folder", ["generate", "--image", "small.png", "--out", "."]);
        yield return new("generate_out_would_replace_the_image", ["generate", "--image", "r.grid.png", "--out", "r.ply"])
            { Setup = w => File.Copy(w.PathOf("small.png"), w.PathOf("r.grid.png")) };
        yield return new("generate_out_inside_a_file", ["generate", "--image", "small.png", "--out", "small.ply/r.ply"]);
        yield return new("devnet_out_is_a_file", ["devnet", "--tasks", "1", "--out", "small.ply"]);
        yield return new("devnet_validators_state_is_a_file", ["devnet", "validators", "--state", "small.ply"]);
        yield return new("devnet_validators_state_is_a_fifo", ["devnet", "validators", "--state", "pipe"]) { Setup = w => w.Fifo("pipe") };
        yield return new("keys_new_never_overwrites_a_hotkey", ["keys", "new", "--wallet.path", "wallets"])
            { Setup = w => Hotkey(w, "not a key, but the operator's file") };
    }

    /// <summary>No stack trace: wrong flags, values, arguments and names are one line naming what was expected.</summary>
    public static IEnumerable<HostileCase> CommandLine()
    {
        yield return new("no_command", []);
        yield return new("unknown_command", ["frobnicate"]);
        yield return new("unknown_option", ["convert", "--frobnicate", "small.ply", "out.ply"]);
        yield return new("missing_argument", ["render"]);
        yield return new("extra_argument", ["inspect", "small.ply", "extra"]);
        yield return new("whole_number_option_given_a_word", ["render", "small.ply", "--theta", "0", "--size", "abc", "--out", "v.png"]);
        yield return new("whole_number_option_past_its_type", ["render", "small.ply", "--theta", "0", "--size", "99999999999", "--out", "v.png"]);
        yield return new("number_option_given_nan", ["render", "small.ply", "--theta", "NaN", "--out", "v.png"]);
        yield return new("negative_image_size", ["render", "small.ply", "--theta", "0", "--size", "-5", "--out", "v.png"]);
        yield return new("choice_option_given_another_word", ["render", "small.ply", "--gsplat", "9", "--grid", "g.png"]);
        yield return new("generate_url_empty", ["generate", "--prompt", "a cat", "--generate-url", ""]);
        yield return new("generate_url_without_host", ["generate", "--prompt", "a cat", "--generate-url", "http://"]);
        yield return new("generate_url_not_a_url", ["generate", "--prompt", "a cat", "--generate-url", "not a url"]);
        yield return new("generate_url_other_scheme", ["generate", "--prompt", "a cat", "--generate-url", "ftp://127.0.0.1/"]);
        yield return new("generate_url_unclosed_ipv6", ["generate", "--prompt", "a cat", "--generate-url", "http://[::1"]);
        yield return new("generate_url_closed_port", ["generate", "--prompt", "a cat", "--generate-url", "http://127.0.0.1:9/"]);
        yield return new("generate_with_image_and_prompt", ["generate", "--image", "small.png", "--prompt", "a cat"]);
        yield return new("wallet_name_with_a_slash", ["keys", "show", "--wallet.name", "a/b"]);
        yield return new("wallet_name_dot_dot", ["keys", "show", "--wallet.name", ".."]);
        yield return new("hotkey_name_leaving_the_wallet", ["keys", "sign", "--message", "m", "--wallet.hotkey", "../../x"]);
        yield return new("dry_run_with_a_wallet_name_dot_dot", ["run", "--dry-run", "--wallet.name", "..", "--subtensor.chain-endpoint", ClosedEndpoint, "--subtensor.max-connect-attempts", "1"])
            { Outputs = ["home"], StderrLines = 3 }; // each failed check is a line: hotkey, subtensor, cards
        yield return new("run_without_a_hotkey", ["run", "--wallet.path", "wallets", "--subtensor.chain-endpoint", ClosedEndpoint]) { Outputs = ["home"], LogsOnStderr = true };
        yield return new("keys_sign_without_a_hotkey", ["keys", "sign", "--message", "m", "--wallet.path", "wallets"]);
        yield return new("keys_verify_a_malformed_signature", ["keys", "verify", "--message", "m", "--signature", "zz", "--ss58", "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"])
            { AllowedExitCodes = [2] };
        yield return new("keys_verify_a_malformed_address", ["keys", "verify", "--message", "m", "--signature", "0x00", "--ss58", "not-an-address"]) { AllowedExitCodes = [2] };
        yield return new("bench_with_a_missing_tmpdir", ["bench", "persistence", "--events", "100"]) { Environment = new Dictionary<string, string> { ["TMPDIR"] = "/nonexistent-tmp" } };
        yield return new("bench_with_a_file_as_tmpdir", ["bench", "splats"]) { Setup = w => w.WriteText("tmpfile", "x"), Environment = new Dictionary<string, string> { ["TMPDIR"] = "tmpfile" } };
        yield return new("bench_actors_with_negative_messages", ["bench", "actors", "--messages", "-1"]);
        yield return new("bench_render_with_no_views", ["bench", "render", "--views", "0"]);
        yield return new("bench_cpu_backends_with_no_runs", ["bench", "cpu-backends", "--runs", "0"]);
        yield return new("devnet_with_zero_tasks", ["devnet", "--tasks", "0"]);
        yield return new("devnet_with_negative_validators", ["devnet", "--tasks", "1", "--validators", "-1"]);
        yield return new("devnet_with_no_gpus", ["devnet", "--tasks", "1", "--gpus", "0"]);
        yield return new("devnet_with_a_million_gpus", ["devnet", "--tasks", "1", "--gpus", "1000000"]);
        yield return new("devnet_validators_with_negative_tasks_per_validator", ["devnet", "validators", "--state", "st", "--tasks-per-validator", "-1"]);
        yield return new("devnet_validators_with_a_miner_that_is_no_hotkey", ["devnet", "validators", "--state", "st", "--miners", "x,y"]);
        yield return new("devnet_validators_with_a_hundred_validators", ["devnet", "validators", "--state", "st", "--validators", "100"]);
        yield return new("malformed_configuration_flag", ["config", "show", "--miner..threads", "1"]);
        yield return new("config_file_missing", ["config", "show", "--config", "missing.conf"]);
        yield return new("config_file_is_a_folder", ["config", "show", "--config", "home"]);
        yield return new("config_check_of_a_missing_file", ["config", "check", "missing.conf"]);
        yield return new("config_check_of_a_folder", ["config", "check", "home"]);
        yield return new("inspect_a_missing_file", ["inspect", "missing.ply"]);
        yield return new("inspect_a_folder", ["inspect", "home"]);
    }

    /// <summary>Every setting is checked once, at load, whatever its source.</summary>
    public static IEnumerable<HostileCase> Settings()
    {
        yield return new("negative_duration_from_a_flag", ["config", "show", "--miner.dendrite.pull-timeout", "-5s"]);
        yield return new("zero_duration_from_the_environment", ["config", "show"])
            { Environment = new Dictionary<string, string> { ["MINER_SUBTENSOR__CONNECT_TIMEOUT"] = "0s" } };
        yield return new("zero_count_from_a_file", ["inspect", "small.ply", "--config", "bad.conf"])
            { Setup = w => w.WriteText("bad.conf", "miner.splats.read.max-gaussians = 0\n") };
        yield return new("out_of_range_level", ["convert", "small.ply", "out.spz", "--miner.splats.spz.compression-level", "99"]);
        yield return new("negative_thread_count", ["convert", "small.ply", "out.spz", "--miner.splats.threads", "-3"]);
        yield return new("unknown_log_level", ["config", "show", "--logging.level", "loud"]);
        yield return new("negative_stake", ["config", "show", "--miner.metagraph.min-stake-tao", "-1"]);
        yield return new("network_that_is_no_network_nor_ws_url", ["config", "show", "--subtensor.network", "http://127.0.0.1:9944"]);
        yield return new("config_check_of_an_out_of_range_file", ["config", "check", "bad.conf"])
            { Setup = w => w.WriteText("bad.conf", "axon.port = 70000\n") };
        yield return new("devnet_seed_that_is_not_a_number", ["devnet", "--tasks", "1", "--devnet.seed", "abc"]);
        yield return new("devnet_with_zero_validators_from_a_flag", ["devnet", "--tasks", "1", "--devnet.validators", "0"]);
        yield return new("devnet_with_a_zero_cpu_budget", ["devnet", "--tasks", "1", "--miner.cpu-backends.max-gaussians", "0"]);
    }

    /// <summary>Bounded reads: special files refused, sizes checked before allocating, parsers linear.</summary>
    public static IEnumerable<HostileCase> BoundedInput()
    {
        foreach (var (command, args) in new (string, string[])[]
                 {
                     ("inspect", ["inspect", "IN"]), ("convert", ["convert", "IN", "out.spz"]), ("gate", ["gate", "IN"]),
                     ("render", ["render", "IN", "--grid", "g.png"]), ("generate", ["generate", "--image", "IN"]), ("config_check", ["config", "check", "IN"]),
                     ("config_file", ["config", "show", "--config", "IN"]),
                 })
        {
            yield return new($"{command}_reads_a_fifo", Replace(args, "pipe")) { Setup = w => w.Fifo("pipe") };
            yield return new($"{command}_reads_dev_zero", Replace(args, "/dev/zero"));
            yield return new($"{command}_reads_dev_urandom", Replace(args, "/dev/urandom"));
            yield return new($"{command}_reads_garbage", Replace(args, "garbage")) { Setup = w => w.Write("garbage", CraftedInputs.Garbage(10_000, 7)) };
        }
        yield return new("hotkey_file_is_a_fifo", ["keys", "show", "--wallet.path", "wallets"]) { Setup = w => Hotkey(w, null, fifo: true) };
        yield return new("hotkey_file_is_dev_zero", ["keys", "show", "--wallet.path", "wallets"]) { Setup = w => HotkeyLink(w, "/dev/zero") };
        yield return new("ply_claiming_billions_of_vertices", ["inspect", "huge.ply"]) { Setup = w => w.Write("huge.ply", CraftedInputs.PlyClaimingBillionsOfVertices()) };
        yield return new("ply_header_without_end", ["convert", "endless.ply", "out.spz"]) { Setup = w => w.Write("endless.ply", CraftedInputs.PlyHeaderWithoutEnd()) };
        yield return new("spz_declaring_a_terabyte", ["inspect", "tera.spz"]) { Setup = w => w.Write("tera.spz", CraftedInputs.ZstdDeclaringATerabyte()) };
        yield return new("spz_zstd_bomb", ["convert", "bomb.spz", "out.ply"]) { Setup = w => w.Write("bomb.spz", CraftedInputs.ZstdBomb()) };
        yield return new("png_declaring_ten_gigapixels", ["generate", "--image", "huge.png"]) { Setup = w => w.Write("huge.png", CraftedInputs.PngDeclaringTenGigapixels()) };
        yield return new("base64_that_does_not_decode", ["inspect", "bad.b64"]) { Setup = w => w.WriteText("bad.b64", "cGx5" + new string('!', 5000)) };
        yield return new("hocon_billion_laughs", ["config", "show", "--config", "laughs.conf"]) { Setup = w => w.WriteText("laughs.conf", CraftedInputs.HoconBillionLaughs()) };
        yield return new("hocon_deep_nesting", ["config", "check", "deep.conf"]) { Setup = w => w.WriteText("deep.conf", CraftedInputs.HoconDeepNesting()) };
        yield return new("hocon_include_of_a_fifo", ["config", "show", "--config", "inc.conf"])
            { Setup = w => { w.Fifo("pipe.conf"); w.WriteText("inc.conf", "include \"pipe.conf\"\n"); } };
        yield return new("hocon_include_of_dev_zero", ["config", "show", "--config", "inc.conf"]) { Setup = w => w.WriteText("inc.conf", "include \"/dev/zero\"\n") };
        yield return new("hocon_including_itself", ["config", "show", "--config", "self.conf"]) { Setup = w => w.WriteText("self.conf", "include \"self.conf\"\n") };
    }

    private static string[] Replace(string[] args, string input) => args.Select(a => a == "IN" ? input : a).ToArray();

    private static void Hotkey(Workspace workspace, string? text, bool fifo = false)
    {
        workspace.Folder("wallets/default/hotkeys");
        if (fifo) workspace.Fifo("wallets/default/hotkeys/default");
        else workspace.WriteText("wallets/default/hotkeys/default", text!);
    }

    private static void HotkeyLink(Workspace workspace, string target)
    {
        workspace.Folder("wallets/default/hotkeys");
        workspace.Link("wallets/default/hotkeys/default", target);
    }
}
