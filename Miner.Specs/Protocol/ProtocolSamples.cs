using System.Text;

namespace Miner.Specs.Protocol;

/// <summary>Synapse JSON as validators send it (the spec's §1.9 success answer and a submission's feedback answer).</summary>
internal static class ProtocolSamples
{
    public const string PullAnswer =
        """{"name":"PullTask","timeout":12.0,"total_size":3056,"header_size":0,"dendrite":{"status_code":null,"status_message":null,"process_time":null,"ip":"198.51.100.23","port":null,"version":9009000,"nonce":1735689600000000000,"uuid":"d2a6a8c4-c7e8-11ef-9cd2-0242ac120002","hotkey":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","signature":"0x6a0e0e8ce9ea4b3b3a247afc9b676a2ba2e87a2e5d9c3a557fc1bf7fb2b38630a6bc05639c1b2083c194db3938a93f6f7a1f3364ae48d735e9b97bd21833a489"},"axon":{"status_code":200,"status_message":"Success","process_time":0.004713296890258789,"ip":"203.0.113.7","port":8091,"version":null,"nonce":null,"uuid":null,"hotkey":"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty","signature":null},"computed_body_hash":"","task":{"type":"text","id":"0b7e6f0e-3c8a-4b5e-9d1a-2f4c6e8a0b1c","prompt":"a red apple"},"validation_threshold":0.6,"throttle_period":30,"cooldown_until":0,"cooldown_violations":0}""";

    public const string SubmitAnswer =
        """{"name":"SubmitResults","timeout":300.0,"total_size":3056,"header_size":0,"dendrite":{"status_code":null,"status_message":null,"process_time":null,"ip":"198.51.100.23","port":null,"version":9009000,"nonce":1735689660000000000,"uuid":"d2a6a8c4-c7e8-11ef-9cd2-0242ac120002","hotkey":"5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY","signature":"0x00"},"axon":{"status_code":200,"status_message":"Success","process_time":41.5,"ip":"203.0.113.7","port":8091,"version":null,"nonce":null,"uuid":null,"hotkey":"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty","signature":null},"computed_body_hash":"","task":null,"task_id":"0b7e6f0e-3c8a-4b5e-9d1a-2f4c6e8a0b1c","results":"","data_format":"ply","data_ver":0,"compression":2,"submit_time":1735689660000000000,"signature":"","feedback":{"validation_failed":false,"task_fidelity_score":0.83,"average_fidelity_score":0.91,"generations_within_the_window":37,"current_duel_rating":1512.5,"current_miner_reward":55962.5},"cooldown_until":1735689870}""";

    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
