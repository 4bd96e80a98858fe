package org.callobjectives.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The shape of the YAML files as admins write them; {@link ConfigLoader} validates and converts.
 */
final class ConfigFiles {
  private ConfigFiles() {}

  record ServerYaml(
      Listen listen,
      String database,
      Integer wrapUpSeconds,
      List<AmiYaml> ami,
      DemoYaml demo,
      List<UserYaml> users,
      TlsYaml tls,
      List<WebhookYaml> webhooks,
      LimitsYaml limits) {}

  record WebhookYaml(
      String name,
      String url,
      String secret,
      String secretEnv,
      String secretFile,
      List<String> events,
      Double timeoutSeconds,
      RetryYaml retry) {}

  record RetryYaml(Double firstSeconds, Double maxSeconds) {}

  record LimitsYaml(
      Integer connections,
      Integer connectionsPerAddress,
      Integer requestHeaderSeconds,
      Integer requestBodySeconds) {}

  record TlsYaml(String certificate, String key) {}

  record UserYaml(String name, String role, String token, String tokenHash) {}

  record Listen(String host, Integer port) {}

  record AmiYaml(
      String name,
      String host,
      Integer port,
      String username,
      String secret,
      Integer pingSeconds) {}

  record DemoYaml(
      Double callsPerSecond,
      Integer minTalkSeconds,
      Integer maxTalkSeconds,
      Double abandonRate,
      Double outboundRate,
      Long seed) {}

  record AgentsYaml(List<AgentYaml> agents) {}

  record AgentYaml(
      String id,
      String name,
      String group,
      List<String> interfaces,
      String token,
      String tokenHash) {}

  record ObjectivesYaml(
      List<ObjectiveYaml> objectives,
      @JsonProperty("dispositionCodes") List<CodeYaml> dispositionCodes,
      Map<String, QueueYaml> queues,
      OutboundYaml outbound,
      Map<String, TargetYaml> agentOverrides,
      List<CampaignYaml> campaigns,
      List<ExperimentYaml> experiments) {}

  record ExperimentYaml(
      String id,
      String queue,
      String stage,
      List<VariantYaml> variants,
      String start,
      String end,
      String ended,
      String rolledOut) {}

  record VariantYaml(String id, String objective, Integer weight) {}

  record ObjectiveYaml(
      String id,
      String title,
      String advance,
      String measure,
      String timeFrame,
      List<ItemYaml> checklist,
      String followUp) {}

  record ItemYaml(String id, String text, String kind, Boolean required) {}

  record CodeYaml(String code, String label, List<String> flags, Integer key) {}

  record QueueYaml(
      String objective,
      List<String> objectives,
      List<StageYaml> stages,
      List<String> dispositionCodes,
      Integer maxWaitSeconds,
      Boolean forcedWrapUp,
      Integer serviceLevelSeconds,
      String screenPop) {}

  /** {@code objective: id} or {@code objectives: [primary, secondary]}. */
  record TargetYaml(String objective, List<String> objectives) {}

  record StageYaml(String id, String objective, List<String> objectives) {}

  record CampaignYaml(
      String id, String start, String end, String objective, List<String> objectives) {}

  record OutboundYaml(
      @JsonProperty("default") String defaultObjective,
      Map<String, String> agents,
      Map<String, String> groups,
      List<String> dispositionCodes) {}
}
