// @generated once by tools/gen_shapes.py from the vendored botocore extracts, then kept
// under review like hand-written code. tests/model_coverage.rs proves it matches both
// model editions member by member.

use super::*;

/// Model shape `AbortAction`.
pub static ABORT_ACTION: Shape = Shape {
    name: "AbortAction",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &["CANCEL"],
};

static ABORT_CONFIG_MEMBERS: [Member; 1] = [Member {
    name: "criteriaList",
    target: &ABORT_CRITERIA_LIST,
    required: true,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `AbortConfig`.
pub static ABORT_CONFIG: Shape = Shape {
    name: "AbortConfig",
    kind: ShapeKind::Structure(&ABORT_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static ABORT_CRITERIA_MEMBERS: [Member; 4] = [
    Member {
        name: "failureType",
        target: &JOB_EXECUTION_FAILURE_TYPE,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "action",
        target: &ABORT_ACTION,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "thresholdPercentage",
        target: &ABORT_THRESHOLD_PERCENTAGE,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "minNumberOfExecutedThings",
        target: &MINIMUM_NUMBER_OF_EXECUTED_THINGS,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `AbortCriteria`.
pub static ABORT_CRITERIA: Shape = Shape {
    name: "AbortCriteria",
    kind: ShapeKind::Structure(&ABORT_CRITERIA_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `AbortCriteriaList`.
pub static ABORT_CRITERIA_LIST: Shape = Shape {
    name: "AbortCriteriaList",
    kind: ShapeKind::List(&ABORT_CRITERIA),
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `AbortThresholdPercentage`.
pub static ABORT_THRESHOLD_PERCENTAGE: Shape = Shape {
    name: "AbortThresholdPercentage",
    kind: ShapeKind::Double,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(100.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `BeforeSubstitutionFlag`.
pub static BEFORE_SUBSTITUTION_FLAG: Shape = Shape {
    name: "BeforeSubstitutionFlag",
    kind: ShapeKind::Boolean,
    since: Edition::Latest,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `BooleanWrapperObject`.
pub static BOOLEAN_WRAPPER_OBJECT: Shape = Shape {
    name: "BooleanWrapperObject",
    kind: ShapeKind::Boolean,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `CanceledThings`.
pub static CANCELED_THINGS: Shape = Shape {
    name: "CanceledThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `Comment`.
pub static COMMENT: Shape = Shape {
    name: "Comment",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(2028.0),
    pattern: Some(&PATTERN_NO_CONTROL),
    enum_values: &[],
};

static CONFLICT_EXCEPTION_MEMBERS: [Member; 2] = [
    Member {
        name: "message",
        target: &ERROR_MESSAGE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "resourceId",
        target: &RESOURCE_ID,
        required: false,
        since: Edition::Latest,
        location: Location::Body,
    },
];
/// Model shape `ConflictException`.
pub static CONFLICT_EXCEPTION: Shape = Shape {
    name: "ConflictException",
    kind: ShapeKind::Structure(&CONFLICT_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static CREATE_JOB_REQUEST_MEMBERS: [Member; 17] = [
    Member {
        name: "jobId",
        target: &JOB_ID,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Uri,
    },
    Member {
        name: "targets",
        target: &JOB_TARGETS,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "documentSource",
        target: &JOB_DOCUMENT_SOURCE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "document",
        target: &JOB_DOCUMENT,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "description",
        target: &JOB_DESCRIPTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "presignedUrlConfig",
        target: &PRESIGNED_URL_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "targetSelection",
        target: &TARGET_SELECTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRolloutConfig",
        target: &JOB_EXECUTIONS_ROLLOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "abortConfig",
        target: &ABORT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "timeoutConfig",
        target: &TIMEOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "tags",
        target: &TAG_LIST,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "namespaceId",
        target: &NAMESPACE_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobTemplateArn",
        target: &JOB_TEMPLATE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRetryConfig",
        target: &JOB_EXECUTIONS_RETRY_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "documentParameters",
        target: &PARAMETER_MAP,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "schedulingConfig",
        target: &SCHEDULING_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "destinationPackageVersions",
        target: &DESTINATION_PACKAGE_VERSIONS,
        required: false,
        since: Edition::Latest,
        location: Location::Body,
    },
];
/// Model shape `CreateJobRequest`.
pub static CREATE_JOB_REQUEST: Shape = Shape {
    name: "CreateJobRequest",
    kind: ShapeKind::Structure(&CREATE_JOB_REQUEST_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static CREATE_JOB_RESPONSE_MEMBERS: [Member; 3] = [
    Member {
        name: "jobArn",
        target: &JOB_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobId",
        target: &JOB_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "description",
        target: &JOB_DESCRIPTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `CreateJobResponse`.
pub static CREATE_JOB_RESPONSE: Shape = Shape {
    name: "CreateJobResponse",
    kind: ShapeKind::Structure(&CREATE_JOB_RESPONSE_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static CREATE_JOB_TEMPLATE_REQUEST_MEMBERS: [Member; 13] = [
    Member {
        name: "jobTemplateId",
        target: &JOB_TEMPLATE_ID,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Uri,
    },
    Member {
        name: "jobArn",
        target: &JOB_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "documentSource",
        target: &JOB_DOCUMENT_SOURCE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "document",
        target: &JOB_DOCUMENT,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "description",
        target: &JOB_DESCRIPTION,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "presignedUrlConfig",
        target: &PRESIGNED_URL_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRolloutConfig",
        target: &JOB_EXECUTIONS_ROLLOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "abortConfig",
        target: &ABORT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "timeoutConfig",
        target: &TIMEOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "tags",
        target: &TAG_LIST,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRetryConfig",
        target: &JOB_EXECUTIONS_RETRY_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "maintenanceWindows",
        target: &MAINTENANCE_WINDOWS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "destinationPackageVersions",
        target: &DESTINATION_PACKAGE_VERSIONS,
        required: false,
        since: Edition::Latest,
        location: Location::Body,
    },
];
/// Model shape `CreateJobTemplateRequest`.
pub static CREATE_JOB_TEMPLATE_REQUEST: Shape = Shape {
    name: "CreateJobTemplateRequest",
    kind: ShapeKind::Structure(&CREATE_JOB_TEMPLATE_REQUEST_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static CREATE_JOB_TEMPLATE_RESPONSE_MEMBERS: [Member; 2] = [
    Member {
        name: "jobTemplateArn",
        target: &JOB_TEMPLATE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobTemplateId",
        target: &JOB_TEMPLATE_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `CreateJobTemplateResponse`.
pub static CREATE_JOB_TEMPLATE_RESPONSE: Shape = Shape {
    name: "CreateJobTemplateResponse",
    kind: ShapeKind::Structure(&CREATE_JOB_TEMPLATE_RESPONSE_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `CronExpression`.
pub static CRON_EXPRESSION: Shape = Shape {
    name: "CronExpression",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(256.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `DateType`.
pub static DATE_TYPE: Shape = Shape {
    name: "DateType",
    kind: ShapeKind::Timestamp,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static DESCRIBE_JOB_REQUEST_MEMBERS: [Member; 2] = [
    Member {
        name: "jobId",
        target: &JOB_ID,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Uri,
    },
    Member {
        name: "beforeSubstitution",
        target: &BEFORE_SUBSTITUTION_FLAG,
        required: false,
        since: Edition::Latest,
        location: Location::QueryString,
    },
];
/// Model shape `DescribeJobRequest`.
pub static DESCRIBE_JOB_REQUEST: Shape = Shape {
    name: "DescribeJobRequest",
    kind: ShapeKind::Structure(&DESCRIBE_JOB_REQUEST_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static DESCRIBE_JOB_RESPONSE_MEMBERS: [Member; 2] = [
    Member {
        name: "documentSource",
        target: &JOB_DOCUMENT_SOURCE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "job",
        target: &JOB,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `DescribeJobResponse`.
pub static DESCRIBE_JOB_RESPONSE: Shape = Shape {
    name: "DescribeJobResponse",
    kind: ShapeKind::Structure(&DESCRIBE_JOB_RESPONSE_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static DESCRIBE_JOB_TEMPLATE_REQUEST_MEMBERS: [Member; 1] = [Member {
    name: "jobTemplateId",
    target: &JOB_TEMPLATE_ID,
    required: true,
    since: Edition::V2023_03_02,
    location: Location::Uri,
}];
/// Model shape `DescribeJobTemplateRequest`.
pub static DESCRIBE_JOB_TEMPLATE_REQUEST: Shape = Shape {
    name: "DescribeJobTemplateRequest",
    kind: ShapeKind::Structure(&DESCRIBE_JOB_TEMPLATE_REQUEST_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static DESCRIBE_JOB_TEMPLATE_RESPONSE_MEMBERS: [Member; 13] = [
    Member {
        name: "jobTemplateArn",
        target: &JOB_TEMPLATE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobTemplateId",
        target: &JOB_TEMPLATE_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "description",
        target: &JOB_DESCRIPTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "documentSource",
        target: &JOB_DOCUMENT_SOURCE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "document",
        target: &JOB_DOCUMENT,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "createdAt",
        target: &DATE_TYPE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "presignedUrlConfig",
        target: &PRESIGNED_URL_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRolloutConfig",
        target: &JOB_EXECUTIONS_ROLLOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "abortConfig",
        target: &ABORT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "timeoutConfig",
        target: &TIMEOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRetryConfig",
        target: &JOB_EXECUTIONS_RETRY_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "maintenanceWindows",
        target: &MAINTENANCE_WINDOWS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "destinationPackageVersions",
        target: &DESTINATION_PACKAGE_VERSIONS,
        required: false,
        since: Edition::Latest,
        location: Location::Body,
    },
];
/// Model shape `DescribeJobTemplateResponse`.
pub static DESCRIBE_JOB_TEMPLATE_RESPONSE: Shape = Shape {
    name: "DescribeJobTemplateResponse",
    kind: ShapeKind::Structure(&DESCRIBE_JOB_TEMPLATE_RESPONSE_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `DestinationPackageVersions`.
pub static DESTINATION_PACKAGE_VERSIONS: Shape = Shape {
    name: "DestinationPackageVersions",
    kind: ShapeKind::List(&PACKAGE_VERSION_ARN),
    since: Edition::Latest,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `DurationInMinutes`.
pub static DURATION_IN_MINUTES: Shape = Shape {
    name: "DurationInMinutes",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::per_edition(Some(30.0), Some(1.0)),
    max: Bound::same(1430.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `ExpiresInSec`.
pub static EXPIRES_IN_SEC: Shape = Shape {
    name: "ExpiresInSec",
    kind: ShapeKind::Long,
    since: Edition::V2023_03_02,
    min: Bound::same(60.0),
    max: Bound::same(3600.0),
    pattern: None,
    enum_values: &[],
};

static EXPONENTIAL_ROLLOUT_RATE_MEMBERS: [Member; 3] = [
    Member {
        name: "baseRatePerMinute",
        target: &ROLLOUT_RATE_PER_MINUTE,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "incrementFactor",
        target: &INCREMENT_FACTOR,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "rateIncreaseCriteria",
        target: &RATE_INCREASE_CRITERIA,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `ExponentialRolloutRate`.
pub static EXPONENTIAL_ROLLOUT_RATE: Shape = Shape {
    name: "ExponentialRolloutRate",
    kind: ShapeKind::Structure(&EXPONENTIAL_ROLLOUT_RATE_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `FailedThings`.
pub static FAILED_THINGS: Shape = Shape {
    name: "FailedThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `Forced`.
pub static FORCED: Shape = Shape {
    name: "Forced",
    kind: ShapeKind::Boolean,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `InProgressThings`.
pub static IN_PROGRESS_THINGS: Shape = Shape {
    name: "InProgressThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `InProgressTimeoutInMinutes`.
pub static IN_PROGRESS_TIMEOUT_IN_MINUTES: Shape = Shape {
    name: "InProgressTimeoutInMinutes",
    kind: ShapeKind::Long,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `IncrementFactor`.
pub static INCREMENT_FACTOR: Shape = Shape {
    name: "IncrementFactor",
    kind: ShapeKind::Double,
    since: Edition::V2023_03_02,
    min: Bound::same(1.1),
    max: Bound::same(5.0),
    pattern: None,
    enum_values: &[],
};

static INTERNAL_FAILURE_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `InternalFailureException`.
pub static INTERNAL_FAILURE_EXCEPTION: Shape = Shape {
    name: "InternalFailureException",
    kind: ShapeKind::Structure(&INTERNAL_FAILURE_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static INVALID_REQUEST_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `InvalidRequestException`.
pub static INVALID_REQUEST_EXCEPTION: Shape = Shape {
    name: "InvalidRequestException",
    kind: ShapeKind::Structure(&INVALID_REQUEST_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static JOB_MEMBERS: [Member; 25] = [
    Member {
        name: "jobArn",
        target: &JOB_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobId",
        target: &JOB_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "targetSelection",
        target: &TARGET_SELECTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "status",
        target: &JOB_STATUS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "forceCanceled",
        target: &FORCED,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "reasonCode",
        target: &REASON_CODE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "comment",
        target: &COMMENT,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "targets",
        target: &JOB_TARGETS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "description",
        target: &JOB_DESCRIPTION,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "presignedUrlConfig",
        target: &PRESIGNED_URL_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRolloutConfig",
        target: &JOB_EXECUTIONS_ROLLOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "abortConfig",
        target: &ABORT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "createdAt",
        target: &DATE_TYPE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "lastUpdatedAt",
        target: &DATE_TYPE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "completedAt",
        target: &DATE_TYPE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobProcessDetails",
        target: &JOB_PROCESS_DETAILS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "timeoutConfig",
        target: &TIMEOUT_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "namespaceId",
        target: &NAMESPACE_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobTemplateArn",
        target: &JOB_TEMPLATE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "jobExecutionsRetryConfig",
        target: &JOB_EXECUTIONS_RETRY_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "documentParameters",
        target: &PARAMETER_MAP,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "isConcurrent",
        target: &BOOLEAN_WRAPPER_OBJECT,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "schedulingConfig",
        target: &SCHEDULING_CONFIG,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "scheduledJobRollouts",
        target: &SCHEDULED_JOB_ROLLOUT_LIST,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "destinationPackageVersions",
        target: &DESTINATION_PACKAGE_VERSIONS,
        required: false,
        since: Edition::Latest,
        location: Location::Body,
    },
];
/// Model shape `Job`.
pub static JOB: Shape = Shape {
    name: "Job",
    kind: ShapeKind::Structure(&JOB_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobArn`.
pub static JOB_ARN: Shape = Shape {
    name: "JobArn",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobDescription`.
pub static JOB_DESCRIPTION: Shape = Shape {
    name: "JobDescription",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(2028.0),
    pattern: Some(&PATTERN_NO_CONTROL),
    enum_values: &[],
};

/// Model shape `JobDocument`.
pub static JOB_DOCUMENT: Shape = Shape {
    name: "JobDocument",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(32768.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobDocumentSource`.
pub static JOB_DOCUMENT_SOURCE: Shape = Shape {
    name: "JobDocumentSource",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(1350.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobEndBehavior`.
pub static JOB_END_BEHAVIOR: Shape = Shape {
    name: "JobEndBehavior",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"],
};

/// Model shape `JobExecutionFailureType`.
pub static JOB_EXECUTION_FAILURE_TYPE: Shape = Shape {
    name: "JobExecutionFailureType",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &["FAILED", "REJECTED", "TIMED_OUT", "ALL"],
};

static JOB_EXECUTIONS_RETRY_CONFIG_MEMBERS: [Member; 1] = [Member {
    name: "criteriaList",
    target: &RETRY_CRITERIA_LIST,
    required: true,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `JobExecutionsRetryConfig`.
pub static JOB_EXECUTIONS_RETRY_CONFIG: Shape = Shape {
    name: "JobExecutionsRetryConfig",
    kind: ShapeKind::Structure(&JOB_EXECUTIONS_RETRY_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static JOB_EXECUTIONS_ROLLOUT_CONFIG_MEMBERS: [Member; 2] = [
    Member {
        name: "maximumPerMinute",
        target: &MAX_JOB_EXECUTIONS_PER_MIN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "exponentialRate",
        target: &EXPONENTIAL_ROLLOUT_RATE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `JobExecutionsRolloutConfig`.
pub static JOB_EXECUTIONS_ROLLOUT_CONFIG: Shape = Shape {
    name: "JobExecutionsRolloutConfig",
    kind: ShapeKind::Structure(&JOB_EXECUTIONS_ROLLOUT_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobId`.
pub static JOB_ID: Shape = Shape {
    name: "JobId",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(64.0),
    pattern: Some(&PATTERN_ID),
    enum_values: &[],
};

static JOB_PROCESS_DETAILS_MEMBERS: [Member; 9] = [
    Member {
        name: "processingTargets",
        target: &PROCESSING_TARGET_NAME_LIST,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfCanceledThings",
        target: &CANCELED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfSucceededThings",
        target: &SUCCEEDED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfFailedThings",
        target: &FAILED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfRejectedThings",
        target: &REJECTED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfQueuedThings",
        target: &QUEUED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfInProgressThings",
        target: &IN_PROGRESS_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfRemovedThings",
        target: &REMOVED_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfTimedOutThings",
        target: &TIMED_OUT_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `JobProcessDetails`.
pub static JOB_PROCESS_DETAILS: Shape = Shape {
    name: "JobProcessDetails",
    kind: ShapeKind::Structure(&JOB_PROCESS_DETAILS_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobStatus`.
pub static JOB_STATUS: Shape = Shape {
    name: "JobStatus",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[
        "IN_PROGRESS",
        "CANCELED",
        "COMPLETED",
        "DELETION_IN_PROGRESS",
        "SCHEDULED",
    ],
};

/// Model shape `JobTargets`.
pub static JOB_TARGETS: Shape = Shape {
    name: "JobTargets",
    kind: ShapeKind::List(&TARGET_ARN),
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `JobTemplateArn`.
pub static JOB_TEMPLATE_ARN: Shape = Shape {
    name: "JobTemplateArn",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(1600.0),
    pattern: Some(&PATTERN_ARN),
    enum_values: &[],
};

/// Model shape `JobTemplateId`.
pub static JOB_TEMPLATE_ID: Shape = Shape {
    name: "JobTemplateId",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(64.0),
    pattern: Some(&PATTERN_ID),
    enum_values: &[],
};

static LIMIT_EXCEEDED_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `LimitExceededException`.
pub static LIMIT_EXCEEDED_EXCEPTION: Shape = Shape {
    name: "LimitExceededException",
    kind: ShapeKind::Structure(&LIMIT_EXCEEDED_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static MAINTENANCE_WINDOW_MEMBERS: [Member; 2] = [
    Member {
        name: "startTime",
        target: &CRON_EXPRESSION,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "durationInMinutes",
        target: &DURATION_IN_MINUTES,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `MaintenanceWindow`.
pub static MAINTENANCE_WINDOW: Shape = Shape {
    name: "MaintenanceWindow",
    kind: ShapeKind::Structure(&MAINTENANCE_WINDOW_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `MaintenanceWindows`.
pub static MAINTENANCE_WINDOWS: Shape = Shape {
    name: "MaintenanceWindows",
    kind: ShapeKind::List(&MAINTENANCE_WINDOW),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `MaxJobExecutionsPerMin`.
pub static MAX_JOB_EXECUTIONS_PER_MIN: Shape = Shape {
    name: "MaxJobExecutionsPerMin",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `MinimumNumberOfExecutedThings`.
pub static MINIMUM_NUMBER_OF_EXECUTED_THINGS: Shape = Shape {
    name: "MinimumNumberOfExecutedThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `NamespaceId`.
pub static NAMESPACE_ID: Shape = Shape {
    name: "NamespaceId",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: Some(&PATTERN_ID),
    enum_values: &[],
};

/// Model shape `NumberOfRetries`.
pub static NUMBER_OF_RETRIES: Shape = Shape {
    name: "NumberOfRetries",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::same(0.0),
    max: Bound::same(10.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `NumberOfThings`.
pub static NUMBER_OF_THINGS: Shape = Shape {
    name: "NumberOfThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `PackageVersionArn`.
pub static PACKAGE_VERSION_ARN: Shape = Shape {
    name: "PackageVersionArn",
    kind: ShapeKind::String,
    since: Edition::Latest,
    min: Bound::same(1.0),
    max: Bound::same(1600.0),
    pattern: Some(&PATTERN_ARN),
    enum_values: &[],
};

/// Model shape `ParameterKey`.
pub static PARAMETER_KEY: Shape = Shape {
    name: "ParameterKey",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(128.0),
    pattern: Some(&PATTERN_ID),
    enum_values: &[],
};

/// Model shape `ParameterMap`.
pub static PARAMETER_MAP: Shape = Shape {
    name: "ParameterMap",
    kind: ShapeKind::Map {
        key: &PARAMETER_KEY,
        value: &PARAMETER_VALUE,
    },
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `ParameterValue`.
pub static PARAMETER_VALUE: Shape = Shape {
    name: "ParameterValue",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::per_edition(Some(512.0), Some(30720.0)),
    pattern: Some(&PATTERN_NO_CONTROL),
    enum_values: &[],
};

static PRESIGNED_URL_CONFIG_MEMBERS: [Member; 2] = [
    Member {
        name: "roleArn",
        target: &ROLE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "expiresInSec",
        target: &EXPIRES_IN_SEC,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `PresignedUrlConfig`.
pub static PRESIGNED_URL_CONFIG: Shape = Shape {
    name: "PresignedUrlConfig",
    kind: ShapeKind::Structure(&PRESIGNED_URL_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `ProcessingTargetName`.
pub static PROCESSING_TARGET_NAME: Shape = Shape {
    name: "ProcessingTargetName",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `ProcessingTargetNameList`.
pub static PROCESSING_TARGET_NAME_LIST: Shape = Shape {
    name: "ProcessingTargetNameList",
    kind: ShapeKind::List(&PROCESSING_TARGET_NAME),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `QueuedThings`.
pub static QUEUED_THINGS: Shape = Shape {
    name: "QueuedThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static RATE_INCREASE_CRITERIA_MEMBERS: [Member; 2] = [
    Member {
        name: "numberOfNotifiedThings",
        target: &NUMBER_OF_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfSucceededThings",
        target: &NUMBER_OF_THINGS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `RateIncreaseCriteria`.
pub static RATE_INCREASE_CRITERIA: Shape = Shape {
    name: "RateIncreaseCriteria",
    kind: ShapeKind::Structure(&RATE_INCREASE_CRITERIA_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `ReasonCode`.
pub static REASON_CODE: Shape = Shape {
    name: "ReasonCode",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(128.0),
    pattern: Some(&PATTERN_REASON_CODE),
    enum_values: &[],
};

/// Model shape `RejectedThings`.
pub static REJECTED_THINGS: Shape = Shape {
    name: "RejectedThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `RemovedThings`.
pub static REMOVED_THINGS: Shape = Shape {
    name: "RemovedThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static RESOURCE_ALREADY_EXISTS_EXCEPTION_MEMBERS: [Member; 3] = [
    Member {
        name: "message",
        target: &ERROR_MESSAGE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "resourceId",
        target: &RESOURCE_ID,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "resourceArn",
        target: &RESOURCE_ARN,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `ResourceAlreadyExistsException`.
pub static RESOURCE_ALREADY_EXISTS_EXCEPTION: Shape = Shape {
    name: "ResourceAlreadyExistsException",
    kind: ShapeKind::Structure(&RESOURCE_ALREADY_EXISTS_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static RESOURCE_NOT_FOUND_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `ResourceNotFoundException`.
pub static RESOURCE_NOT_FOUND_EXCEPTION: Shape = Shape {
    name: "ResourceNotFoundException",
    kind: ShapeKind::Structure(&RESOURCE_NOT_FOUND_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static RETRY_CRITERIA_MEMBERS: [Member; 2] = [
    Member {
        name: "failureType",
        target: &RETRYABLE_FAILURE_TYPE,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "numberOfRetries",
        target: &NUMBER_OF_RETRIES,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `RetryCriteria`.
pub static RETRY_CRITERIA: Shape = Shape {
    name: "RetryCriteria",
    kind: ShapeKind::Structure(&RETRY_CRITERIA_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `RetryCriteriaList`.
pub static RETRY_CRITERIA_LIST: Shape = Shape {
    name: "RetryCriteriaList",
    kind: ShapeKind::List(&RETRY_CRITERIA),
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(2.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `RetryableFailureType`.
pub static RETRYABLE_FAILURE_TYPE: Shape = Shape {
    name: "RetryableFailureType",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &["FAILED", "TIMED_OUT", "ALL"],
};

/// Model shape `RoleArn`.
pub static ROLE_ARN: Shape = Shape {
    name: "RoleArn",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(20.0),
    max: Bound::same(2048.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `RolloutRatePerMinute`.
pub static ROLLOUT_RATE_PER_MINUTE: Shape = Shape {
    name: "RolloutRatePerMinute",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(1000.0),
    pattern: None,
    enum_values: &[],
};

static SCHEDULED_JOB_ROLLOUT_MEMBERS: [Member; 1] = [Member {
    name: "startTime",
    target: &STRING_DATE_TIME,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `ScheduledJobRollout`.
pub static SCHEDULED_JOB_ROLLOUT: Shape = Shape {
    name: "ScheduledJobRollout",
    kind: ShapeKind::Structure(&SCHEDULED_JOB_ROLLOUT_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `ScheduledJobRolloutList`.
pub static SCHEDULED_JOB_ROLLOUT_LIST: Shape = Shape {
    name: "ScheduledJobRolloutList",
    kind: ShapeKind::List(&SCHEDULED_JOB_ROLLOUT),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static SCHEDULING_CONFIG_MEMBERS: [Member; 4] = [
    Member {
        name: "startTime",
        target: &STRING_DATE_TIME,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "endTime",
        target: &STRING_DATE_TIME,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "endBehavior",
        target: &JOB_END_BEHAVIOR,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "maintenanceWindows",
        target: &MAINTENANCE_WINDOWS,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `SchedulingConfig`.
pub static SCHEDULING_CONFIG: Shape = Shape {
    name: "SchedulingConfig",
    kind: ShapeKind::Structure(&SCHEDULING_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static SERVICE_UNAVAILABLE_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `ServiceUnavailableException`.
pub static SERVICE_UNAVAILABLE_EXCEPTION: Shape = Shape {
    name: "ServiceUnavailableException",
    kind: ShapeKind::Structure(&SERVICE_UNAVAILABLE_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `StringDateTime`.
pub static STRING_DATE_TIME: Shape = Shape {
    name: "StringDateTime",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(64.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `SucceededThings`.
pub static SUCCEEDED_THINGS: Shape = Shape {
    name: "SucceededThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static TAG_MEMBERS: [Member; 2] = [
    Member {
        name: "Key",
        target: &TAG_KEY,
        required: true,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
    Member {
        name: "Value",
        target: &TAG_VALUE,
        required: false,
        since: Edition::V2023_03_02,
        location: Location::Body,
    },
];
/// Model shape `Tag`.
pub static TAG: Shape = Shape {
    name: "Tag",
    kind: ShapeKind::Structure(&TAG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `TagKey`.
pub static TAG_KEY: Shape = Shape {
    name: "TagKey",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(1.0),
    max: Bound::same(128.0),
    pattern: Some(&PATTERN_TAG_KEY),
    enum_values: &[],
};

/// Model shape `TagList`.
pub static TAG_LIST: Shape = Shape {
    name: "TagList",
    kind: ShapeKind::List(&TAG),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `TagValue`.
pub static TAG_VALUE: Shape = Shape {
    name: "TagValue",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::same(0.0),
    max: Bound::same(256.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `TargetArn`.
pub static TARGET_ARN: Shape = Shape {
    name: "TargetArn",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::same(2048.0),
    pattern: None,
    enum_values: &[],
};

/// Model shape `TargetSelection`.
pub static TARGET_SELECTION: Shape = Shape {
    name: "TargetSelection",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &["CONTINUOUS", "SNAPSHOT"],
};

static THROTTLING_EXCEPTION_MEMBERS: [Member; 1] = [Member {
    name: "message",
    target: &ERROR_MESSAGE,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `ThrottlingException`.
pub static THROTTLING_EXCEPTION: Shape = Shape {
    name: "ThrottlingException",
    kind: ShapeKind::Structure(&THROTTLING_EXCEPTION_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `TimedOutThings`.
pub static TIMED_OUT_THINGS: Shape = Shape {
    name: "TimedOutThings",
    kind: ShapeKind::Integer,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

static TIMEOUT_CONFIG_MEMBERS: [Member; 1] = [Member {
    name: "inProgressTimeoutInMinutes",
    target: &IN_PROGRESS_TIMEOUT_IN_MINUTES,
    required: false,
    since: Edition::V2023_03_02,
    location: Location::Body,
}];
/// Model shape `TimeoutConfig`.
pub static TIMEOUT_CONFIG: Shape = Shape {
    name: "TimeoutConfig",
    kind: ShapeKind::Structure(&TIMEOUT_CONFIG_MEMBERS),
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `errorMessage`.
pub static ERROR_MESSAGE: Shape = Shape {
    name: "errorMessage",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `resourceArn`.
pub static RESOURCE_ARN: Shape = Shape {
    name: "resourceArn",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Model shape `resourceId`.
pub static RESOURCE_ID: Shape = Shape {
    name: "resourceId",
    kind: ShapeKind::String,
    since: Edition::V2023_03_02,
    min: Bound::NONE,
    max: Bound::NONE,
    pattern: None,
    enum_values: &[],
};

/// Every shape of both editions, in name order.
pub static ALL_SHAPES: [&Shape; 91] = [
    &ABORT_ACTION,
    &ABORT_CONFIG,
    &ABORT_CRITERIA,
    &ABORT_CRITERIA_LIST,
    &ABORT_THRESHOLD_PERCENTAGE,
    &BEFORE_SUBSTITUTION_FLAG,
    &BOOLEAN_WRAPPER_OBJECT,
    &CANCELED_THINGS,
    &COMMENT,
    &CONFLICT_EXCEPTION,
    &CREATE_JOB_REQUEST,
    &CREATE_JOB_RESPONSE,
    &CREATE_JOB_TEMPLATE_REQUEST,
    &CREATE_JOB_TEMPLATE_RESPONSE,
    &CRON_EXPRESSION,
    &DATE_TYPE,
    &DESCRIBE_JOB_REQUEST,
    &DESCRIBE_JOB_RESPONSE,
    &DESCRIBE_JOB_TEMPLATE_REQUEST,
    &DESCRIBE_JOB_TEMPLATE_RESPONSE,
    &DESTINATION_PACKAGE_VERSIONS,
    &DURATION_IN_MINUTES,
    &EXPIRES_IN_SEC,
    &EXPONENTIAL_ROLLOUT_RATE,
    &FAILED_THINGS,
    &FORCED,
    &IN_PROGRESS_THINGS,
    &IN_PROGRESS_TIMEOUT_IN_MINUTES,
    &INCREMENT_FACTOR,
    &INTERNAL_FAILURE_EXCEPTION,
    &INVALID_REQUEST_EXCEPTION,
    &JOB,
    &JOB_ARN,
    &JOB_DESCRIPTION,
    &JOB_DOCUMENT,
    &JOB_DOCUMENT_SOURCE,
    &JOB_END_BEHAVIOR,
    &JOB_EXECUTION_FAILURE_TYPE,
    &JOB_EXECUTIONS_RETRY_CONFIG,
    &JOB_EXECUTIONS_ROLLOUT_CONFIG,
    &JOB_ID,
    &JOB_PROCESS_DETAILS,
    &JOB_STATUS,
    &JOB_TARGETS,
    &JOB_TEMPLATE_ARN,
    &JOB_TEMPLATE_ID,
    &LIMIT_EXCEEDED_EXCEPTION,
    &MAINTENANCE_WINDOW,
    &MAINTENANCE_WINDOWS,
    &MAX_JOB_EXECUTIONS_PER_MIN,
    &MINIMUM_NUMBER_OF_EXECUTED_THINGS,
    &NAMESPACE_ID,
    &NUMBER_OF_RETRIES,
    &NUMBER_OF_THINGS,
    &PACKAGE_VERSION_ARN,
    &PARAMETER_KEY,
    &PARAMETER_MAP,
    &PARAMETER_VALUE,
    &PRESIGNED_URL_CONFIG,
    &PROCESSING_TARGET_NAME,
    &PROCESSING_TARGET_NAME_LIST,
    &QUEUED_THINGS,
    &RATE_INCREASE_CRITERIA,
    &REASON_CODE,
    &REJECTED_THINGS,
    &REMOVED_THINGS,
    &RESOURCE_ALREADY_EXISTS_EXCEPTION,
    &RESOURCE_NOT_FOUND_EXCEPTION,
    &RETRY_CRITERIA,
    &RETRY_CRITERIA_LIST,
    &RETRYABLE_FAILURE_TYPE,
    &ROLE_ARN,
    &ROLLOUT_RATE_PER_MINUTE,
    &SCHEDULED_JOB_ROLLOUT,
    &SCHEDULED_JOB_ROLLOUT_LIST,
    &SCHEDULING_CONFIG,
    &SERVICE_UNAVAILABLE_EXCEPTION,
    &STRING_DATE_TIME,
    &SUCCEEDED_THINGS,
    &TAG,
    &TAG_KEY,
    &TAG_LIST,
    &TAG_VALUE,
    &TARGET_ARN,
    &TARGET_SELECTION,
    &THROTTLING_EXCEPTION,
    &TIMED_OUT_THINGS,
    &TIMEOUT_CONFIG,
    &ERROR_MESSAGE,
    &RESOURCE_ARN,
    &RESOURCE_ID,
];
