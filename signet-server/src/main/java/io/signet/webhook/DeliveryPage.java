package io.signet.webhook;

import java.util.List;

/** A page of deliveries, newest first; pass {@code lastEvaluatedDeliveryId} back for the next page. */
public record DeliveryPage(List<Delivery> deliveries, String lastEvaluatedDeliveryId) {
    public DeliveryPage {
        deliveries = List.copyOf(deliveries);
    }
}
