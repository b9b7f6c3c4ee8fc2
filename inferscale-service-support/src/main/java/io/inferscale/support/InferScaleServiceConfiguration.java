package io.inferscale.support;

import io.inferscale.contracts.EventCodec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The few beans every service needs: the clock decisions read time from, the event codec, and who
 * we are.
 */
@AutoConfiguration
public class InferScaleServiceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    @ConditionalOnMissingBean
    ServiceIdentity serviceIdentity(
            @Value("${spring.application.name}") String service,
            @Value("${server.port:0}") int port) {
        // A random port (tests, several instances on one host) would name every instance ":0":
        // a random suffix keeps producers and audit rows of different instances apart.
        String suffix =
                port != 0
                        ? String.valueOf(port)
                        : "0-" + UUID.randomUUID().toString().substring(0, 8);
        return new ServiceIdentity(service, hostName() + ":" + suffix);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
