#!/usr/bin/python3
"""Reads a JSON list of Kubernetes objects on stdin and deserialises each into the official Python
client's typed model for its kind. The models refuse a required field that is None (client-side
validation), so every line printed is an object a real API server would never have sent.
Prints one line per problem; exits 0 when there is none."""

import json
import sys

from kubernetes import client

MODELS = {
    ("v1", "Pod"): "V1Pod",
    ("v1", "Namespace"): "V1Namespace",
    ("v1", "Event"): "CoreV1Event",
    ("apps/v1", "Deployment"): "V1Deployment",
    ("apps/v1", "ReplicaSet"): "V1ReplicaSet",
    ("coordination.k8s.io/v1", "Lease"): "V1Lease",
}


class JsonResponse:
    """The shape ApiClient.deserialize reads: a response whose data is the JSON text."""

    def __init__(self, obj):
        self.data = json.dumps(obj)


def describe(obj):
    metadata = obj.get("metadata") or {}
    where = "/".join(part for part in (metadata.get("namespace"), metadata.get("name")) if part)
    return f"{obj.get('kind')} {where or '?'} rv {metadata.get('resourceVersion', '?')}"


def conditions(obj):
    return ((obj.get("status") or {}).get("conditions")) or []


def beyond_the_models(obj):
    """What real servers always write although the models let it be missing (kubelet, controllers, namespace strategy)."""
    kind = obj.get("kind")
    status = obj.get("status") or {}
    for condition in conditions(obj):
        if kind in ("Pod", "Deployment") and not condition.get("lastTransitionTime"):
            yield f"condition {condition.get('type')} has no lastTransitionTime"
    if kind == "Pod":
        for container in (obj.get("spec") or {}).get("containers") or []:
            if not container.get("image"):
                yield f"container {container.get('name')} has no image"
        for container in status.get("containerStatuses") or []:
            state = container.get("state") or {}
            has_run = "running" in state or "terminated" in state or container.get("restartCount", 0) > 0
            if has_run and not container.get("imageID"):
                yield f"container status {container.get('name')} has run but has no imageID"
            if has_run and not container.get("containerID"):
                yield f"container status {container.get('name')} has run but has no containerID"
    if kind == "Namespace" and not status.get("phase"):
        yield "namespace has no status.phase"


def problems(obj, api):
    model = MODELS.get((obj.get("apiVersion"), obj.get("kind")))
    if model is None:
        yield f"no typed model for {obj.get('apiVersion')} {obj.get('kind')}"
        return
    try:
        api.deserialize(JsonResponse(obj), model)
    except (ValueError, TypeError, client.rest.ApiException) as error:
        yield f"{model}: {error}".replace("\n", " ")
    yield from beyond_the_models(obj)


def main():
    objects = json.load(sys.stdin)
    api = client.ApiClient()
    count = 0
    for obj in objects:
        for problem in problems(obj, api):
            print(f"{describe(obj)}: {problem}")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
