-- A series typed with Arabic ي/ى/ك is stored with Persian ی/ک since b234c35 (server/persian/letters.ts);
-- rows stored before it are brought to the same letters, so «وبينارهاي …» and «وبینارهای …» are one series.
UPDATE `sessions` SET `series` = replace(replace(replace(`series`, 'ي', 'ی'), 'ى', 'ی'), 'ك', 'ک') WHERE `series` GLOB '*[يىك]*';
