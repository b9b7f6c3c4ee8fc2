package io.inferscale.scaler.adapter.aws;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.inferscale.scaler.domain.execution.ScalingTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * What the AWS Query (Auto Scaling) and JSON 1.1 (ECS) protocols send back, for WireMock, and the
 * fake credentials tests sign with.
 */
public final class AwsStubs {
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    public static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final String NS = "http://autoscaling.amazonaws.com/doc/2011-01-01/";

    private AwsStubs() {}

    public static AwsCredentialsProvider fakeCredentials() {
        return StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_KEY));
    }

    public static AwsProperties props(int port, Duration attemptTimeout) {
        return new AwsProperties(
                "us-east-1", URI.create("http://127.0.0.1:" + port), attemptTimeout, false);
    }

    public static AwsAutoScalingAdapter asgAdapter(int port, Duration attemptTimeout) {
        return new AwsAutoScalingAdapter(
                AwsClients.autoScaling(props(port, attemptTimeout), fakeCredentials()),
                false,
                Clock.systemUTC());
    }

    public static ScalingTarget asg(String name) {
        return new ScalingTarget("llm-demo", AwsAutoScalingAdapter.PROVIDER, name);
    }

    public static ResponseDefinitionBuilder setDesiredCapacityOk() {
        return xml(
                200,
                "<SetDesiredCapacityResponse xmlns=\""
                        + NS
                        + "\"><ResponseMetadata><RequestId>req-ok</RequestId>"
                        + "</ResponseMetadata></SetDesiredCapacityResponse>");
    }

    public static ResponseDefinitionBuilder queryError(int status, String code, String message) {
        return xml(
                status,
                "<ErrorResponse xmlns=\""
                        + NS
                        + "\"><Error><Type>Sender</Type><Code>"
                        + code
                        + "</Code><Message>"
                        + message
                        + "</Message></Error><RequestId>req-"
                        + code
                        + "</RequestId></ErrorResponse>");
    }

    /** One group with instances given as {@code lifecycleState:healthStatus}. */
    public static ResponseDefinitionBuilder describeGroup(
            String name, int desired, String... instances) {
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < instances.length; i++) {
            String[] s = instances[i].split(":");
            members.append("<member><InstanceId>i-")
                    .append(i)
                    .append("</InstanceId><AvailabilityZone>us-east-1a</AvailabilityZone>")
                    .append("<LifecycleState>")
                    .append(s[0])
                    .append("</LifecycleState><HealthStatus>")
                    .append(s[1])
                    .append("</HealthStatus><ProtectedFromScaleIn>false</ProtectedFromScaleIn>")
                    .append("</member>");
        }
        return xml(
                200,
                "<DescribeAutoScalingGroupsResponse xmlns=\""
                        + NS
                        + "\"><DescribeAutoScalingGroupsResult><AutoScalingGroups><member>"
                        + "<AutoScalingGroupName>"
                        + name
                        + "</AutoScalingGroupName><MinSize>0</MinSize><MaxSize>10</MaxSize>"
                        + "<DesiredCapacity>"
                        + desired
                        + "</DesiredCapacity><Instances>"
                        + members
                        + "</Instances></member></AutoScalingGroups>"
                        + "</DescribeAutoScalingGroupsResult><ResponseMetadata><RequestId>req-d"
                        + "</RequestId></ResponseMetadata></DescribeAutoScalingGroupsResponse>");
    }

    public static ResponseDefinitionBuilder noGroups() {
        return xml(
                200,
                "<DescribeAutoScalingGroupsResponse xmlns=\""
                        + NS
                        + "\"><DescribeAutoScalingGroupsResult><AutoScalingGroups/>"
                        + "</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>");
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("content-type", "application/x-amz-json-1.1")
                .withBody(body);
    }

    private static ResponseDefinitionBuilder xml(int status, String body) {
        return WireMock.aResponse()
                .withStatus(status)
                .withHeader("content-type", "text/xml")
                .withBody(body);
    }
}
